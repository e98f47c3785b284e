/**
 * Changes beyond ingest: deleting an instance, crypto-shredding a patient, rotating the root key,
 * and the startup recovery that removes what a crash left behind.
 */
package org.custos.archive.lifecycle;
