package org.custos.server.demo;

/**
 * One synthetic study of the demo.
 *
 * @param patientName made-up name in PN form
 * @param patientId made-up identifier
 * @param birthDate DA value
 * @param studyDate DA value
 * @param modality CS value (CT, MR, CR)
 * @param description study description
 * @param instances number of images
 * @param rows image rows
 * @param columns image columns
 */
record SampleStudy(String patientName, String patientId, String birthDate, String studyDate, String modality,
    String description, int instances, int rows, int columns) {

  static final java.util.List<SampleStudy> ALL = java.util.List.of(
      new SampleStudy("Demo^Alice", "DEMO-0001", "19700101", "20260310", "CT", "CT chest (synthetic phantom)", 4, 128, 128),
      new SampleStudy("Demo^Alice", "DEMO-0001", "19700101", "20261102", "MR", "MR head (synthetic phantom)", 3, 96, 96),
      new SampleStudy("Demo^Bob", "DEMO-0002", "19851224", "20261120", "CR", "CR chest (synthetic)", 1, 160, 128));

  @Override
  public String toString() {
    return "SampleStudy[" + modality + ", " + instances + " instances]"; // synthetic, but shaped like PHI
  }
}
