/**
 * The instance folder ("home") of a Custos installation: its configuration file with environment
 * overrides, the lock that keeps two processes from sharing it, and the composition root that
 * builds the archive from the configured key provider, blob store and index.
 */
package org.custos.server.home;
