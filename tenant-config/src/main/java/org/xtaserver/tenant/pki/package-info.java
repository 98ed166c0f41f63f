/**
 * Certificate utilities: PEM and PKCS#12 files, SHA-256 fingerprints, the key-matches-certificate
 * check, and a small certificate authority for demo and test environments. Independent of the
 * tenant model.
 */
package org.xtaserver.tenant.pki;
