/**
 * The DICOM data dictionary (PS3.6 Tables 6-1, 7-1, 8-1 and the PS3.7 command elements) and the
 * UID registry (PS3.6 Table A-1), loaded from resources generated from the standard.
 *
 * <p>What lives here: {@link org.custos.dicom.dictionary.DicomDictionary} (tag, keyword and VR
 * look-ups, including repeating groups, group lengths and private creators),
 * {@link org.custos.dicom.dictionary.UidRegistry}, their value records, and the generated
 * constant classes {@link org.custos.dicom.dictionary.Tags} and
 * {@link org.custos.dicom.dictionary.Uids}.
 *
 * <p>What must not: hand-typed tags or UIDs (the resources {@code elements.tsv} and
 * {@code uids.tsv}, {@code Tags.java} and {@code Uids.java} are written by
 * {@code DictionaryResourceGenerator} in the test sources, and
 * {@code DictionaryResourcesAreCurrentTest} fails when they drift from the shared data), mutable
 * state, or knowledge of any private dictionary. Everything here is immutable and safe to share
 * between threads; the tables are loaded once, on first use.
 */
package org.custos.dicom.dictionary;
