/**
 * Protection of the HTTP edge below SOAP: slow clients that trickle a request body are cut off.
 */
package org.xtaserver.security.hardening;
