// The parts of the system OpenSSL 3 (Debian: libssl-dev) that Souk uses.
#ifndef SOUK_COPENSSL_H
#define SOUK_COPENSSL_H

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#endif
