// CSRs WebCrypto cannot make, made once with OpenSSL 3.0 (the command is above each one), to test
// refusals of keys and signatures that are not accepted. Throwaway keys; the private keys were discarded.

/** secp256k1 key: `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:secp256k1 -subj /CN=k1.example.com -nodes` */
export const k1 = `-----BEGIN CERTIFICATE REQUEST-----
MIHQMHgCAQAwGTEXMBUGA1UEAwwOazEuZXhhbXBsZS5jb20wVjAQBgcqhkjOPQIB
BgUrgQQACgNCAATiLSJT9RtU3QWrSgmFOU30Otxprnn0KNrrnTdlEOta8J/TQxDq
L1Z9HydkR7F4K/q2DfehxlivHgsOqZK/uTzEoAAwCgYIKoZIzj0EAwIDSAAwRQIg
Oy5zcBsi+ET8Qb5AKEpc7ECaC00e075F/eHN6lCTwV0CIQDinj0H6qfIQ88lUs7e
twT2v5x7uF9NBF/wvSxtoVVvrw==
-----END CERTIFICATE REQUEST-----`;

/** brainpoolP256r1 key: `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:brainpoolP256r1 -subj /CN=bp.example.com -nodes` */
export const bp = `-----BEGIN CERTIFICATE REQUEST-----
MIHVMHwCAQAwGTEXMBUGA1UEAwwOYnAuZXhhbXBsZS5jb20wWjAUBgcqhkjOPQIB
BgkrJAMDAggBAQcDQgAEGnw9BEMxaH+WBRgu+QhvadbLS484Yytsiu38P0hMQvko
SCvaPx5yaHqTiCpIShCByz/hfdtoOUdpeZV5LYPaj6AAMAoGCCqGSM49BAMCA0kA
MEYCIQCJF6IsWPCcheCtyFosGoKcCdepAxLjJl9IR0Q8fgrF0wIhAKF4ek6H7DAn
2GiMCZwCE+XW1YJfpvNgSfEfQ2UFyxni
-----END CERTIFICATE REQUEST-----`;

/** P-256 key with explicit curve parameters: `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:explicit -subj /CN=explicit.example.com -nodes` */
export const explicit = `-----BEGIN CERTIFICATE REQUEST-----
MIIBzzCCAXUCAQAwHzEdMBsGA1UEAwwUZXhwbGljaXQuZXhhbXBsZS5jb20wggFL
MIIBAwYHKoZIzj0CATCB9wIBATAsBgcqhkjOPQEBAiEA/////wAAAAEAAAAAAAAA
AAAAAAD///////////////8wWwQg/////wAAAAEAAAAAAAAAAAAAAAD/////////
//////wEIFrGNdiqOpPns+u9VXaYhrxlHQawzFOw9jvOPD4n0mBLAxUAxJ02CIbn
BJNqZnjhE50mt4GffpAEQQRrF9Hy4SxCR/i85uVjpEDydwN9gS3rM6D0oTlF2JjC
lk/jQuL+Gn+bjufrSnwPnhYrzjNXazFezsu2QGg3v1H1AiEA/////wAAAAD/////
/////7zm+q2nF56E87nKwvxjJVECAQEDQgAEFe69ApKNOBr/9I3qAns0mt9jhFYb
sCQH3kYhcmnroXTwekRuMdSOvq98xSE/JNdM4ng9uXAReBQd2CqHxlXUb6AAMAoG
CCqGSM49BAMCA0gAMEUCIGeviahQPGKNd41AtjeHDPfxsryEpUe2Oa0bz2UtcCAE
AiEA1LvIaAcSpqihlhv3jQUJfaoJg1yzI6yzHwTSMWT3oIw=
-----END CERTIFICATE REQUEST-----`;

/** DSA 2048 key signed with DSA-SHA256: `openssl req -new -newkey dsa:params.pem -subj /CN=dsa.example.com -nodes` */
export const dsa = `-----BEGIN CERTIFICATE REQUEST-----
MIIDujCCA2cCAQAwGjEYMBYGA1UEAwwPZHNhLmV4YW1wbGUuY29tMIIDQjCCAjUG
ByqGSM44BAEwggIoAoIBAQCWWXUyxilJIfmfBgS+C7e1Jm3WUbGIZhgzmKd+Zs8H
MCAQ+ptaMzoMHm3yK14Fkd9vGo755FcP1xCfy0aBQ/0mHbuUn5Kbhm2BY37ucvAg
jfBbi9WnevP56gZR3UwoP9erEhcMMx4j7OCgqHP5Ik16fJIyZNXENwmINB3mUZUE
jiQieBttBwutLl5Dz8WcpIdrjxGVC4y6DC0+VZWQyod8ueBqRcQ/aYqGVc4iMGYx
xbpVOsz9TL3fRajF/+W/eftAkPaFqg3EJKZKyOhcJft/oSAUdxzVSePWQJrdTtzm
SN+n2trv5ktbpy/Cn88yKkb5CX/u1d0Yu+fMpWSKfsjDAh0An5/i6wYQZ11zgXyF
a48Mjrq2tnQ9KpG/cDOA/QKCAQBhgxg1A9+zn/22gOt0oXVMSzXwivFQBIBx8TMW
6wT6GSq39uabPjny2LlknbYEkLBCCxLw/Ca9KyX7lyuAELdkDsSU92VtMIrglnIF
aSJiLJeV4SxJp4KFdHIGdtgkl9hZZ9U9K+91jEYdQca+Vt2dT5ijOodkGxp45KUo
X8/bpDUHum4bnqbjE2v0BYxIsDitt4nhuX3jOlehrMOUKIrO8lXwRvQSqf+WDjEX
qevLu4EJxRnuXJnQtDekPCDDsu9apspuW2m3iTvMsPVTaXJp/ShAQkOlyGHFL7ik
17faZ+Lm5iRGI3ufiwpTow7BSm0nI15QxrJnZoBSq335KspAA4IBBQACggEANGAj
QY5hvOI/C9CsafGlPJHktsA3zQd+UnXFmZIh1IB4NJxhMGSLQpJrswJ3r080CX9n
yp3tHUSwT5LQkwhls8+OM5qn5l/zAeovknQAtBCwz6ajBx2rPSMph3NLcy495X0x
uLaC4tq1s9utsCCMq7sW7mvBDBjIWpPHauVoyNQpO4OT+sTejO4UxGpTyKAU/m3k
LUESZtW2X7vjNac7jBgN0kfA9eZBbzPLe2ifH5bPtxcGsLTXfssvxdgzWQ6ZXSNI
PVgPy0WrH8wghNKOnbgaw4NI/Te+yHAcZH9bq+5hNnXuzqa2H4IbFKq2GXW+cJJe
H0B44eToKOuQ0EeByaAAMAsGCWCGSAFlAwQDAgNAADA9Ah0AgZ49wXAuadt8JFKi
9q+QVNIgrAd6/milGwrahgIcDb0meX90XagK0CzglcazLqCXuMVxT96uSF1ROg==
-----END CERTIFICATE REQUEST-----`;

/** Ed448 key: `openssl req -new -newkey ed448 -subj /CN=ed448.example.com -nodes` */
export const ed448 = `-----BEGIN CERTIFICATE REQUEST-----
MIHmMGgCAQAwHDEaMBgGA1UEAwwRZWQ0NDguZXhhbXBsZS5jb20wQzAFBgMrZXED
OgDbhQVtuBmdwzl6QUHPympXhCwAfKc15OP/hd+5VjVGnvQNfe73GgHQ1dmtMEdS
2LZIQI1Z6fxDWoCgADAFBgMrZXEDcwAnRUw5neFZyBJ1gcePBcJYActP9XYFoB/W
QGGKvuT+OdevFWRf1mUPo7BsZauSQTTyhgj5EE9EYQA3TiWhxepZQvyhiP/hxHpi
OKR8JMDVOJVFBrjKHMvKFoQKSguK32Il2ELWC6Y2e+SAiDf4dhJ7DwA=
-----END CERTIFICATE REQUEST-----`;

/** RSA 2048 with public exponent 3: `openssl req -new -newkey rsa:2048 -pkeyopt rsa_keygen_pubexp:3 -subj /CN=e3.example.com -nodes` */
export const e3 = `-----BEGIN CERTIFICATE REQUEST-----
MIICXDCCAUQCAQAwGTEXMBUGA1UEAwwOZTMuZXhhbXBsZS5jb20wggEgMA0GCSqG
SIb3DQEBAQUAA4IBDQAwggEIAoIBAQDLDd8z5NtF/yvNsZCbuX2xUkOojP1gi1YD
r8ehMSBhLnQd0qP1phVBz7ptzXXu9VF8RyrEtolcGDfDwoSxIWVjo6SWvEwoY2At
BLfpNe3NTORvECZ6VPy8Hiu5FMt6golZq/lUWuEYY2wKrLBpyl4b7qpJUfq2zCTz
G8GIwKz0kjAslbLonoAq6sf1iRB8gTFyS9gQmzzLjMptKfb5bYKuPZz37pGoHnkd
XqvBaBt9DyGug9Ydrl4xXnvhPRdM5D5sbAeEh7gb+JW9rQR14gQo7Dx7jlmAaIcd
EsxffrCE4FjMViQw0klbi+oJ+8LiMT8QzNmc8To6tNwG+4/C/usvAgEDoAAwDQYJ
KoZIhvcNAQELBQADggEBAAW+HBMIcm8LnHhBWydCBuF0ifzBCIYKM28j0zAOsdr9
3Ypuad/Ujh+tTz0PRTXPVKT5K6HPsof5nOWpn+zlP/7jgtdv4tpeEBVKatN9kKMZ
nO3lxcgDBaxXYRVFy3sOsnogp1W+SOySZ0dh8UZWZxuAyX2mvVZrRWzqhwHmlxQw
i1U0FtVNjGQXJIzilUXhgXJLCMYPq7avwOn0WuouyWQPV7BSxvqPiyG9nfMOqxQw
2wJHRHCJ/nCuHtFzHplG9OqLh7fXpqcKfGpZC0lil+CqJdRygMpYpuJH9dR5yEJy
zIihx3VwidOsy7yW3I9wJpcRUb7g0uqsPI4JTVF6MY0=
-----END CERTIFICATE REQUEST-----`;

/** RSA 2048 signed with MD5: `openssl req -new -newkey rsa:2048 -md5 -subj /CN=md5.example.com -nodes` */
export const md5 = `-----BEGIN CERTIFICATE REQUEST-----
MIICXzCCAUcCAQAwGjEYMBYGA1UEAwwPbWQ1LmV4YW1wbGUuY29tMIIBIjANBgkq
hkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAohBq2IdCNgMrR6BBTvs4Zvr6yIJXVCpL
3C+pl9cvbxFF99WmNGOYv/rqwW9zieITjqVfmh06MjlEcJcgjZR1DQBHA6SK3ov4
40A58KAoIm63LBGOjKrY1i4UfbBdLCMG6eJ8PUh2XILjYk5eUxs5Ai9clYrlUcwR
wQkh1jKrHNkwk1EsRmu2oUYWYrIbs4nWYoYvUXfqgSLNWLnQJPDmz2/NwTYdmkIZ
GMcBMVN4U7AC1VeX/uSk9+iXanlnhXBl4Wz6l/k7IP9rNgTUkNPxU5LbKcL4MihZ
XZzHgXK4KhtKtfZX1wHgR4S0vsZPbgMzZFzEGq0u5E2njqfe0i0wPQIDAQABoAAw
DQYJKoZIhvcNAQEEBQADggEBAGSRd176FpaJsQRtGmwhgs7mv7tAo2qIxJ5owMi1
mTKrCXYYn4CBt4T/rOK9/2h9c0fOWv87iIHc5Cfy8Q6BH1TFwRjR+j33ttdNGp3r
JmHXtpMDC4PWA0omliyJaTYMeEDzuDQauLljpA+P4N2/jppq+x6ssmHivxkwwLd8
abuLGSYMEObzOLoE6lan/RrXSo2Wl30Q9VUF60oT1LHbR5bTwiljY8qISG+N746Z
H5bSw5RcZ2gLusV1nG4NHsilS6O3z0E/WV1VKbZT6Ms86Q0GAKz/05qV1ek8Q0SA
wi1YJFa7O14jtwTj9v0kG5MjI4Qm0K0k0MHLyF8FUy61O7U=
-----END CERTIFICATE REQUEST-----`;

/** RSA 2047-bit key: `openssl req -new -newkey rsa:2047 -subj /CN=odd.example.com -nodes` */
export const odd = `-----BEGIN CERTIFICATE REQUEST-----
MIICXjCCAUYCAQAwGjEYMBYGA1UEAwwPb2RkLmV4YW1wbGUuY29tMIIBITANBgkq
hkiG9w0BAQEFAAOCAQ4AMIIBCQKCAQBygQuM85n1Lebb/VpzKTm4st/ClZ/MBwr+
FrXS71QjWtPeip1NBNMd7A8epADd+yQxq/1DY1NmGuTFHLttlb6cX3Q1e8o6zG38
dbmHHnbpLDFowyz3h9HMJqzK63C1gSIedoMbRi7G5eaEUGE6sJmWw2rCcMdLyaeM
90wCwE7Oy++LFPSUgs2VkGe50wlXRNELnYCo3jVo0WFuqW7k4a7MGYj6iKVeCzkJ
Xb4sdmpoVB0LbG/Tr+hYTHbmWd2YV4rhhnuxyzx8KAnTweGS1WNEW5d9Cs3odWDE
yx7k9ulB8SramqYUQ10l02mLDPg+/22sxjt3mZ/oMj4ifAIYATy9AgMBAAGgADAN
BgkqhkiG9w0BAQsFAAOCAQEAHCnLWDOp3zavpeH4CiCpsHPwkJsJLIfp6kEn248K
QB4mrynxockeQpKuNSUkUDIas1tPnO3+w1MVSVFkukoZO3+uEapSAXxZKtEXa+pj
msO/MfieAj+lezNuC3P0jLjw5K+jan1XLqvqShl37+K9kIoiQeC8Sa9YvwItayiQ
CAOrz+UTRdLzIhYnVWfeb2h1opI4/EMYOGWCa01QlV5DewHJP22i4SkbdayhNEZM
44O7Gcv93zblDJ4mExcEmJl/nsY+x3tXz2QAcbMHd/lT9erQv8I0G/CmYkfhv5tc
fVkJ2yXzdxooddOSRbh1o/w86eNwy6JHcCIEPoYazez61Q==
-----END CERTIFICATE REQUEST-----`;

/** RSA 2048 signed with RSA-PSS: `openssl req -new -newkey rsa:2048 -sigopt rsa_padding_mode:pss -sha256 -subj /CN=pss.example.com -nodes` */
export const pss = `-----BEGIN CERTIFICATE REQUEST-----
MIIClDCCAUcCAQAwGjEYMBYGA1UEAwwPcHNzLmV4YW1wbGUuY29tMIIBIjANBgkq
hkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7POzJAbmRXL7u3ouHxDzGOMzfB2cQD7H
p9+9s64UeIWEwyHxnYqVypIFXizn165pHwbwhyXCWzq6k12Hbc3Emf4ffNxhL/WL
J/DPxe2Fqd5JVc89Ft806ZncTH4i7BDb4rEIHMefgj4jk2EJhepkyw7FwbLoJ1WA
PJbcGWSfBx+WiaaGzOjSSlcLtixf4eSio3AJLaW4HlmRYgx1EXCo7tLqK2+zA6Fx
wtqj7IQYDo1jSEq53UO0zqUv1F6f/XePdmRvamcE0dLtV+gG42A2z2rs0t2HPybD
uI1k6LgK22E2MEVvrUnrwyG8ZVrbchPb9oU0B5zQ9nD5BEXen0hCjQIDAQABoAAw
QgYJKoZIhvcNAQEKMDWgDzANBglghkgBZQMEAgEFAKEcMBoGCSqGSIb3DQEBCDAN
BglghkgBZQMEAgEFAKIEAgIA3gOCAQEAIF7m8Tc2QZzY2UhXXzKx2JwJk+HfDyVs
mdZWp5eagL4lNHlKxItJ2g3z50iBi6aq3jn5i8ZIWpHSy3y3mYDgM9HQEkNaqj18
c9KFAFzcnHu1U5qL1InyWgMxWecoEi9kzrrT/gOaLThlrW1WCz7Ajf6zUZ5hEt22
HlbnyI7i97QTkQsYh90nOH60K+7M/CpyRcP43whAUfcaJGl5cppRO01Z+4OQn2MK
jobGK73kbfQkxurUO3qkxxQoG/ijaq5oYVWOXXNcXwpDx4sv3sHP8tEsV0FwHCVd
GWzvNPpTM8yRysntUobPLc2K4344RuU9efWzxnHecMQ/UOSNdsakQw==
-----END CERTIFICATE REQUEST-----`;

/** RSA 2048, CN not a host name, IP and email SANs: `openssl req -new -newkey rsa:2048 -subj '/C=US/O=Example/CN=My Web Server' -addext 'subjectAltName=DNS:www.example.com,IP:192.0.2.1,email:admin@example.com' -nodes` */
export const oddNames = `-----BEGIN CERTIFICATE REQUEST-----
MIICwjCCAaoCAQAwNzELMAkGA1UEBhMCVVMxEDAOBgNVBAoMB0V4YW1wbGUxFjAU
BgNVBAMMDU15IFdlYiBTZXJ2ZXIwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDMy7t/wqlkiv53+EmWJ0MKYVMqSiPNCOEKPMZlghdzV0oDsGCNPcPd06vR
LHIZKyqns4FDbTtY2GylnrDPtw48HfXKFT87yyaAQ1ey6D3aYwtFNS5K0apSs9QS
pv1leh/DA9VhAz898xBBG75up/RIwXbLXdexHW2m3Q40rbCI/0T/VRwmQxa1koTk
hB2QJWVxVVTmsKI8I40a5pTk72NHlg+UCFmQDjU+xlTu1pubvQqGDyW39m2CenmK
sDGp5I4YEmwIthuw1X2Y14qdB23/HIcUxUxb0IBRxYFromJONbivTKeMoxD1YLDR
BYW2rnIVnAMp1bxSJYUZeejkdCv7AgMBAAGgRjBEBgkqhkiG9w0BCQ4xNzA1MDMG
A1UdEQQsMCqCD3d3dy5leGFtcGxlLmNvbYcEwAACAYERYWRtaW5AZXhhbXBsZS5j
b20wDQYJKoZIhvcNAQELBQADggEBAEY1WIsfvgbHNbGVVDeyHi+44S6cngqDFr1S
6HG4Ret6DKTr+45jEBmcHT3ZVK9lEMzK8iBz2goDevsJ4YkeYNOjKCz/HXuS95sX
9cKJccSl2upjMXHoaQJJS/ThDPoaa3tQP20IBaYPJDe2RaNSLXdI8pLnaPKt8tac
3w1zMOsyIk7lmtQ8/w636xW7Q8BcrxzM6GOazXfe+EwQuNQ6+d/R1kc9JO1VtcrE
ZHA256kmFzKmkhUuFoac5jQm3hWIXncPgXEaZ1f4PlmjLgdZ/APMzqFtVjMiK9EC
yNCKx91fKYj0/Q0PBYAQ3Lx8NID4yZpLGY7Th3jXLTBux9vEpmI=
-----END CERTIFICATE REQUEST-----`;

/** A self-signed P-256 certificate: `openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -subj /CN=cert.example.com -days 1 -nodes` */
export const certificate = `-----BEGIN CERTIFICATE-----
MIIBijCCATGgAwIBAgIURpq7IKEju0KR9SyLvYFnSJ+KlgkwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQY2VydC5leGFtcGxlLmNvbTAeFw0yNjExMjkwNzM5NDVaFw0y
NjExMzAwNzM5NDVaMBsxGTAXBgNVBAMMEGNlcnQuZXhhbXBsZS5jb20wWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAATl0GojM5Q/5WqH/sLi9zaTRZ+EHV5X1/o/7n2T
L20ypmEbRW+TlGfnIv1QpLIJZkGD7nIPTLuaEoTpOMa49Jqpo1MwUTAdBgNVHQ4E
FgQUDxwy8VS5SnRSVENDgPDIoDquv4MwHwYDVR0jBBgwFoAUDxwy8VS5SnRSVEND
gPDIoDquv4MwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNHADBEAiB+xKtX
fXA3XM/EmywzVQAeCzOYFWLJZcJ1XrrBqHSv+AIgVSuewJMn6MK5jzF+QyAsQ1/u
37kDDvGm88D26J6RI+I=
-----END CERTIFICATE-----`;

/** A P-256 public key: `openssl pkey -pubout` */
export const publicKey = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUMihe6V4Suj6PwMT/YF9Vwk5PQ9o
KZai1TV9RnweomxFIheU8YQ3I1JaovgkfeT/3FYWoK7dyBDHRFa5JDNlAQ==
-----END PUBLIC KEY-----`;
