/**
 * STOW-RS (PS3.18 10.5): {@code POST /dicom-web/studies} and {@code /dicom-web/studies/{study}}
 * with {@code multipart/related; type="application/dicom"}. Each part streams from the request
 * into the archive's ingest (one instance, atomic: stored whole or not at all); the answer is a
 * Store Instances Response Module (PS3.18 Annex I) in DICOM JSON with the standard status codes.
 * The failure and warning reasons and how archive refusals map to them are in docs/dicomweb.md.
 */
package org.custos.server.dicomweb.stow;
