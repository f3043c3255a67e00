// C wrappers for the OpenSSL macros, variadic functions and callbacks that Swift cannot import.
// Each one is a single call; the Swift code in SoukTLS holds all the logic.
#ifndef SOUK_OPENSSL_SHIMS_H
#define SOUK_OPENSSL_SHIMS_H

#include <stddef.h>
#include <stdint.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>

/// The options every Souk context sets: no renegotiation, no compression, server cipher order,
/// no TLS 1.0/1.1 (belt and braces with the minimum version).
uint64_t souk_ssl_hardening_options(void);

int souk_SSL_CTX_set_min_proto_version_tls12(SSL_CTX *ctx);
long souk_SSL_CTX_set_mode(SSL_CTX *ctx, long mode);
long souk_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode);
long souk_SSL_set_tlsext_host_name(SSL *ssl, const char *name);
long souk_BIO_set_mem_eof_return(BIO *bio, int value);
long souk_SSL_CTX_add1_chain_cert(SSL_CTX *ctx, X509 *certificate);
int souk_SSL_CTX_set1_groups_list(SSL_CTX *ctx, const char *list);

/// The `SSL_MODE_*` flags Souk sets on every context.
long souk_ssl_mode_flags(void);
/// `SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE`: the client keeps its own cache.
long souk_ssl_client_session_cache_mode(void);

/// A server's ALPN protocol list in wire format (length-prefixed names, most preferred first).
typedef struct souk_alpn_protocols {
  const unsigned char *wire;
  unsigned int length;
} souk_alpn_protocols;

/// Installs an ALPN select callback that picks the first of `protocols` that the client also offers, and
/// fails the handshake with the `no_application_protocol` alert when there is none or the client offers no
/// ALPN at all. `protocols` is owned by the caller and must outlive the context.
void souk_SSL_CTX_require_alpn(SSL_CTX *ctx, const souk_alpn_protocols *protocols);

/// A new P-256 key pair, or NULL (wraps the variadic `EVP_PKEY_Q_keygen`).
EVP_PKEY *souk_generate_p256_key(void);

/// `XN_FLAG_RFC2253`, for printing names as "CN=a,O=b".
unsigned long souk_xn_flag_rfc2253(void);

/// ERR_GET_REASON for an error-queue entry.
int souk_err_reason(unsigned long code);
/// ERR_GET_LIB for an error-queue entry.
int souk_err_lib(unsigned long code);

#endif
