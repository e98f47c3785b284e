/**
 * Benchmark inputs made from corpus files: copies of a template with fresh Study, Series and SOP
 * Instance UIDs (and, where a harness asks, other text attributes replaced), so that a server or
 * an archive stores each copy as a new instance. Shared by the archive, STOW-RS and Orthanc
 * harnesses; nothing here is used by the product.
 */
package org.custos.bench.corpus;
