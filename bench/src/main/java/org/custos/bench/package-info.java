/**
 * JMH benchmarks of the DICOM codec and the small programs {@code bench/run.sh} uses to time
 * Custos as a whole process next to dcmtk.
 *
 * <p>Benchmarks read from byte arrays and write to counting streams, so they measure the codec,
 * not the disk. Nothing here is production code: no other module may depend on this one, and the
 * build only compiles it ({@code mvn verify} runs no benchmark).
 */
package org.custos.bench;
