#include "CSoukOpenSSLShims.h"

#include <openssl/err.h>
#include <openssl/tls1.h>
#include <openssl/x509.h>

uint64_t souk_ssl_hardening_options(void) {
  return SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE |
         SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1;
}

int souk_SSL_CTX_set_min_proto_version_tls12(SSL_CTX *ctx) {
  return (int)SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}

long souk_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }

long souk_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode) {
  return SSL_CTX_set_session_cache_mode(ctx, mode);
}

long souk_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
  return SSL_set_tlsext_host_name(ssl, name);
}

long souk_BIO_set_mem_eof_return(BIO *bio, int value) { return BIO_set_mem_eof_return(bio, value); }

long souk_SSL_CTX_add1_chain_cert(SSL_CTX *ctx, X509 *certificate) {
  return SSL_CTX_add1_chain_cert(ctx, certificate);
}

int souk_SSL_CTX_set1_groups_list(SSL_CTX *ctx, const char *list) {
  return (int)SSL_CTX_set1_groups_list(ctx, list);
}

long souk_ssl_mode_flags(void) {
  // Plaintext ByteBuffers may move between retries; never write part of a buffer.
  return SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS;
}

long souk_ssl_client_session_cache_mode(void) {
  return SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE;
}

static int souk_alpn_select(SSL *ssl, const unsigned char **out, unsigned char *out_length,
                            const unsigned char *offered, unsigned int offered_length, void *arg) {
  (void)ssl;
  const souk_alpn_protocols *ours = arg;
  unsigned char *selected = NULL;
  unsigned char selected_length = 0;
  // The server's list comes first: the result is the server's most preferred shared protocol.
  if (SSL_select_next_proto(&selected, &selected_length, ours->wire, ours->length, offered, offered_length) !=
      OPENSSL_NPN_NEGOTIATED) {
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  *out = selected;
  *out_length = selected_length;
  return SSL_TLSEXT_ERR_OK;
}

static int souk_client_hello_requires_alpn(SSL *ssl, int *alert, void *arg) {
  (void)arg;
  const unsigned char *data = NULL;
  size_t length = 0;
  if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_application_layer_protocol_negotiation, &data, &length) == 1) {
    return SSL_CLIENT_HELLO_SUCCESS;
  }
  *alert = SSL_AD_NO_APPLICATION_PROTOCOL;
  return SSL_CLIENT_HELLO_ERROR;
}

void souk_SSL_CTX_require_alpn(SSL_CTX *ctx, const souk_alpn_protocols *protocols) {
  SSL_CTX_set_alpn_select_cb(ctx, souk_alpn_select, (void *)protocols);
  SSL_CTX_set_client_hello_cb(ctx, souk_client_hello_requires_alpn, NULL);
}

EVP_PKEY *souk_generate_p256_key(void) { return EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256"); }

unsigned long souk_xn_flag_rfc2253(void) { return XN_FLAG_RFC2253; }

int souk_err_reason(unsigned long code) { return ERR_GET_REASON(code); }

int souk_err_lib(unsigned long code) { return ERR_GET_LIB(code); }
