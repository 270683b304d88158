/**
 * The version of the stored templates (templates-item.ts, migrations.ts), alone in a module with no
 * imports: the popup's light reader (summaries.ts) checks it without loading zod, and the model
 * (model.ts) without loading the private store.
 */
export const TEMPLATE_VERSION = 1;
