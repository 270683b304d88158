// Seed products, in the shape of the recorded product answer: allowed hash types are objects {id, name}
// with a default (docs/certcentral-api.md "signature_hash"), and each product lists its server platforms.

const HASH_NAMES: Record<string, string> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

/** Server platform ids; -1 = other (docs/certcentral-api.md "server_platform.id"). */
const PLATFORMS = [
  { id: -1, name: 'OTHER' },
  { id: 2, name: 'Apache' },
  { id: 45, name: 'nginx' },
  { id: 40, name: 'Microsoft IIS 7' },
  { id: 67, name: 'Microsoft IIS 8' },
].map((p) => ({
  ...p,
  install_url: 'https://www.digicert.com/ssl-certificate-installation.htm',
  csr_url: 'https://www.digicert.com/csr-creation.htm',
}));

export interface SandboxProduct {
  name_id: string;
  name: string;
  validation_type: 'ev' | 'ov' | 'dv';
  hashes: string[];
}

const PRODUCT_LIST: SandboxProduct[] = [
  {
    name_id: 'ssl_ev_securesite_pro',
    name: 'Secure Site Pro EV SSL',
    validation_type: 'ev',
    hashes: ['sha256', 'sha384', 'sha512'],
  },
  {
    name_id: 'ssl_securesite_pro',
    name: 'Secure Site Pro SSL',
    validation_type: 'ov',
    hashes: ['sha256', 'sha384', 'sha512'],
  },
  { name_id: 'ssl_basic', name: 'Basic OV', validation_type: 'ov', hashes: ['sha256'] },
  { name_id: 'ssl_ev_basic', name: 'Basic EV', validation_type: 'ev', hashes: ['sha256', 'sha384'] },
  {
    name_id: 'ssl_securesite_flex',
    name: 'Secure Site OV Flex',
    validation_type: 'ov',
    hashes: ['sha256', 'sha384', 'sha512'],
  },
  {
    name_id: 'ssl_ev_securesite_flex',
    name: 'Secure Site EV Flex',
    validation_type: 'ev',
    hashes: ['sha256', 'sha384'],
  },
];

export function findProduct(nameId: string): SandboxProduct | undefined {
  return PRODUCT_LIST.find((p) => p.name_id === nameId);
}

export function isEvProduct(nameId: string): boolean {
  return findProduct(nameId)?.validation_type === 'ev';
}

export function productPlatformIds(): number[] {
  return PLATFORMS.map((p) => p.id);
}

/** One row of GET /product (the recorded product list answer). */
export function productSummary(p: SandboxProduct) {
  return { group_name: 'ssl_certificate', name_id: p.name_id, name: p.name, type: 'ssl_certificate' };
}

/** GET /product/{name_id} (the recorded product answer plus the fields listed in docs/certcentral-api.md). */
export function productDetails(p: SandboxProduct) {
  return {
    ...productSummary(p),
    validation_type: p.validation_type,
    duplicates_allowed: false,
    allowed_validity_years: [1, 2, 3],
    allowed_order_validity_years: [1, 2, 3],
    signature_hash_types: {
      allowed_hash_types: p.hashes.map((id) => ({ id, name: HASH_NAMES[id] ?? id })),
      default_hash_type_id: 'sha256',
    },
    allowed_ca_certs: [{ id: 'A1B2C3D4E5F60718', name: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1' }],
    additional_dns_names_allowed: true,
    custom_expiration_date_allowed: true,
    csr_required: true,
    allow_auto_renew: true,
    server_platforms: PLATFORMS,
  };
}

export function allProducts(): SandboxProduct[] {
  return PRODUCT_LIST;
}
