package org.custos.server.dicomweb.qido;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.server.dicomweb.DicomWebFixture.READER;
import static org.custos.server.dicomweb.DicomWebFixture.URLS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.DicomWebFixture;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.TestDicom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QIDO-RS on a real archive: matching semantics per key, computed attributes, paging, includefield, errors. */
class QidoServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MR = "valid/pydicom/MR_small.dcm";

  @TempDir
  static Path dir;
  static DicomWebFixture fixture;
  static QidoService qido;
  static TestDicom a1;
  static TestDicom a2;
  static TestDicom a3;
  static TestDicom b;
  static TestDicom c;
  static TestDicom d;

  @BeforeAll
  static void load() {
    fixture = DicomWebFixture.create(dir);
    qido = new QidoService(fixture.archive(), URLS);
    a1 = TestDicom.fresh(MR, "ID-1", "Doe^Jane^Marie").with(Tags.AccessionNumber, Vr.SH, "ACC-1")
        .with(Tags.StudyDate, Vr.DA, "20240110").with(Tags.StudyTime, Vr.TM, "101500")
        .with(Tags.ReferringPhysicianName, Vr.PN, "House^Gregory").with(Tags.StudyID, Vr.SH, "S-1")
        .with(Tags.InstitutionName, Vr.LO, "General Hospital").with(Tags.Modality, Vr.CS, "MR")
        .with(Tags.SeriesNumber, Vr.IS, "1").with(Tags.InstanceNumber, Vr.IS, "1")
        .with(Tags.PerformedProcedureStepStartDate, Vr.DA, "20240110");
    a2 = a1.nextInstance().with(Tags.InstanceNumber, Vr.IS, "2");
    a3 = a1.nextSeries().with(Tags.Modality, Vr.CS, "CT").with(Tags.SeriesNumber, Vr.IS, "2")
        .with(Tags.PerformedProcedureStepStartDate, Vr.DA, "20240111");
    b = TestDicom.fresh(MR, "ID-2", "Doe^John").with(Tags.AccessionNumber, Vr.SH, "ACC-2")
        .with(Tags.StudyDate, Vr.DA, "20240320").with(Tags.StudyTime, Vr.TM, "083000").with(Tags.Modality, Vr.CS, "CT")
        .with(Tags.ReferringPhysicianName, Vr.PN, "Wilson^James");
    c = TestDicom.fresh(MR, "ID-3", "Roe^Richard").with(Tags.AccessionNumber, Vr.SH, "ACC-3")
        .with(Tags.StudyDate, Vr.DA, "20231201").with(Tags.Modality, Vr.CS, "MR");
    d = TestDicom.fresh("valid/pydicom/CT_small.dcm", "ID-4", "Smith^Anna").with(Tags.StudyDate, Vr.DA, "20220615")
        .with(Tags.StudyTime, Vr.TM, "120000")
        .with(Tags.AccessionNumber, Vr.SH, "ACC-4");
    for (TestDicom instance : List.of(a1, a2, a3, b, c, d)) {
      fixture.ingest(instance.bytes());
    }
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      map.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
    }
    return map;
  }

  private static JsonNode search(QueryLevel level, QueryScope scope, String... pairs) {
    try {
      return JSON.readTree(qido.search(level, scope, params(pairs), READER).body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode studies(String... pairs) {
    return search(QueryLevel.STUDY, QueryScope.all(), pairs);
  }

  private static List<String> patientNames(JsonNode results) {
    List<String> names = new ArrayList<>();
    results.forEach(r -> names.add(r.path("00100010").path("Value").path(0).path("Alphabetic").asText()));
    return names.stream().sorted().toList();
  }

  private static List<String> values(JsonNode results, String tag) {
    List<String> out = new ArrayList<>();
    results.forEach(r -> out.add(r.path(tag).path("Value").path(0).asText()));
    return out;
  }

  @Test
  void patientId_andAccessionNumber_matchExactly_throughTheirTokens() {
    assertThat(patientNames(studies("PatientID=ID-2"))).containsExactly("Doe^John");
    assertThat(patientNames(studies("PatientID=ID"))).isEmpty();
    assertThat(patientNames(studies("AccessionNumber=ACC-3"))).containsExactly("Roe^Richard");
    assertThat(patientNames(studies("00080050=ACC-4"))).containsExactly("Smith^Anna");
  }

  @Test
  void patientName_matchesCaseInsensitively_asAWholeOrWithWildcards() {
    assertThat(patientNames(studies("PatientName=doe^john"))).containsExactly("Doe^John");
    assertThat(patientNames(studies("PatientName=Doe"))).isEmpty();
    assertThat(patientNames(studies("PatientName=DOE*"))).containsExactly("Doe^Jane^Marie", "Doe^John");
    assertThat(patientNames(studies("PatientName=?oe^J*"))).containsExactly("Doe^Jane^Marie", "Doe^John");
    assertThat(patientNames(studies("00100010=R*"))).containsExactly("Roe^Richard");
    assertThat(patientNames(studies("(0010,0010)=*Anna"))).containsExactly("Smith^Anna");
    assertThat(patientNames(studies("0010,0010=Doe^J?hn"))).containsExactly("Doe^John");
  }

  @Test
  void studyDate_matchesSingleValues_andOpenAndClosedRanges() {
    assertThat(patientNames(studies("StudyDate=20240110"))).containsExactly("Doe^Jane^Marie");
    assertThat(patientNames(studies("StudyDate=20240101-"))).containsExactly("Doe^Jane^Marie", "Doe^John");
    assertThat(patientNames(studies("StudyDate=-20231231"))).containsExactly("Roe^Richard", "Smith^Anna");
    assertThat(patientNames(studies("StudyDate=20231201-20240110"))).containsExactly("Doe^Jane^Marie", "Roe^Richard");
    assertThat(patientNames(studies("StudyDate=20240111-20240319"))).isEmpty();
  }

  @Test
  void studyTime_rangesCoverTheBoundsAtTheirPrecision() {
    assertThat(patientNames(studies("StudyTime=10"))).containsExactly("Doe^Jane^Marie");
    assertThat(patientNames(studies("StudyTime=0800-0900"))).containsExactly("Doe^John");
    assertThat(patientNames(studies("StudyTime=-08"))).containsExactly("Doe^John");
    assertThat(patientNames(studies("StudyTime=1016-1159"))).isEmpty();
    assertThat(patientNames(studies("StudyTime=1800-"))).containsExactly("Roe^Richard");
  }

  @Test
  void modalitiesInStudy_matchesAnySeries_withListsAndWildcards() {
    assertThat(patientNames(studies("ModalitiesInStudy=CT"))).containsExactly("Doe^Jane^Marie", "Doe^John",
        "Smith^Anna");
    assertThat(patientNames(studies("ModalitiesInStudy=MR"))).containsExactly("Doe^Jane^Marie", "Roe^Richard");
    assertThat(patientNames(studies("ModalitiesInStudy=XA\\MR"))).containsExactly("Doe^Jane^Marie", "Roe^Richard");
    assertThat(patientNames(studies("ModalitiesInStudy=M?"))).containsExactly("Doe^Jane^Marie", "Roe^Richard");
  }

  @Test
  void studyInstanceUid_takesCommaAndBackslashSeparatedLists() {
    assertThat(patientNames(studies("StudyInstanceUID=" + b.studyUid() + "," + c.studyUid())))
        .containsExactly("Doe^John", "Roe^Richard");
    assertThat(patientNames(studies("StudyInstanceUID=" + b.studyUid() + "\\" + d.studyUid())))
        .containsExactly("Doe^John", "Smith^Anna");
    assertThat(patientNames(studies("StudyInstanceUID=1.2.3.4"))).isEmpty();
  }

  @Test
  void referringPhysician_andStudyId_match_combinedWithOtherKeys() {
    assertThat(patientNames(studies("ReferringPhysicianName=house*"))).containsExactly("Doe^Jane^Marie");
    assertThat(patientNames(studies("StudyID=S-1"))).containsExactly("Doe^Jane^Marie");
    assertThat(patientNames(studies("PatientName=Doe*", "StudyDate=20240301-"))).containsExactly("Doe^John");
    assertThat(patientNames(studies("PatientID=ID-1", "ModalitiesInStudy=CT", "AccessionNumber=ACC-1")))
        .containsExactly("Doe^Jane^Marie");
    assertThat(patientNames(studies("PatientID=ID-1", "AccessionNumber=ACC-2"))).isEmpty();
  }

  @Test
  void studyResults_carryTheComputedAttributes_andTheDefaultReturnKeys() {
    JsonNode result = studies("PatientID=ID-1").get(0);
    assertThat(result.path("00201206").path("Value").path(0).asInt()).as("NumberOfStudyRelatedSeries").isEqualTo(2);
    assertThat(result.path("00201208").path("Value").path(0).asInt()).as("NumberOfStudyRelatedInstances").isEqualTo(3);
    assertThat(result.path("00080061").path("Value")).as("ModalitiesInStudy").extracting(JsonNode::asText)
        .containsExactly("CT", "MR");
    assertThat(result.path("00081190").path("Value").path(0).asText()).isEqualTo(URLS.study(a1.studyUid()));
    assertThat(result.path("00080056").path("Value").path(0).asText()).isEqualTo("ONLINE");
    assertThat(result.path("0020000D").path("Value").path(0).asText()).isEqualTo(a1.studyUid());
    assertThat(result.path("00080020").path("Value").path(0).asText()).isEqualTo("20240110");
    assertThat(result.path("00080090").path("vr").asText()).isEqualTo("PN");
    assertThat(result.path("00100030").path("vr").asText()).isEqualTo("DA");
    List<String> tags = new ArrayList<>();
    result.fieldNames().forEachRemaining(tags::add);
    assertThat(tags).isSorted().doesNotContain("00080018", "00280010");
  }

  @Test
  void includefield_addsKeptAndRepresentativeAttributes_andAllAddsEverythingKept() {
    JsonNode one = studies("PatientID=ID-1", "includefield=InstitutionName,00080080",
        "includefield=TimezoneOffsetFromUTC").get(0);
    assertThat(one.path("00080080").path("Value").path(0).asText()).isEqualTo("General Hospital");
    assertThat(one.path("00080201").path("Value").path(0).asText()).as("from the first instance").isEqualTo("-0400");
    JsonNode all = studies("PatientID=ID-1", "includefield=all").get(0);
    assertThat(all.has("00100021")).as("IssuerOfPatientID").isTrue();
    assertThat(all.path("00080080").path("Value").path(0).asText()).isEqualTo("General Hospital");
    assertThat(studies("PatientID=ID-1").get(0).has("00080080")).isFalse();
  }

  @Test
  void limitAndOffset_pageThroughAStableOrder() {
    List<String> all = values(studies(), "0020000D");
    assertThat(all).hasSize(4).doesNotHaveDuplicates();
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 4; offset += 3) {
      paged.addAll(values(studies("limit=3", "offset=" + offset), "0020000D"));
    }
    assertThat(paged).isEqualTo(all);
    List<String> filtered = values(studies("PatientName=*"), "0020000D");
    assertThat(values(studies("PatientName=*", "limit=2", "offset=1"), "0020000D"))
        .isEqualTo(filtered.subList(1, 3));
    assertThat(studies("offset=10")).isEmpty();
  }

  @Test
  void aLimitAboveTheServersMaximum_isCut_withAWarning() {
    QidoService small = new QidoService(fixture.archive(), URLS, 2);
    QidoResponse response = small.search(QueryLevel.STUDY, QueryScope.all(), params("limit=10"), READER);
    assertThat(response.resultCount()).isEqualTo(2);
    assertThat(response.warnings()).singleElement().asString().startsWith("299 " + URLS.root() + ": ")
        .contains("exceeded the maximum");
    assertThat(small.search(QueryLevel.STUDY, QueryScope.all(), params("limit=2"), READER).warnings()).isEmpty();
  }

  @Test
  void fuzzymatching_true_isAnsweredLiterally_withTheStandardWarning() {
    QidoResponse response = qido.search(QueryLevel.STUDY, QueryScope.all(),
        params("PatientName=doe^jon", "fuzzymatching=true"), READER);
    assertThat(response.resultCount()).isZero();
    assertThat(response.warnings()).containsExactly("299 " + URLS.root()
        + ": The fuzzymatching parameter is not supported. Only literal matching has been performed.");
    assertThat(qido.search(QueryLevel.STUDY, QueryScope.all(), params("fuzzymatching=false"), READER).warnings())
        .isEmpty();
  }

  @Test
  void seriesOfAStudy_matchModalityAndNumber_andCountTheirInstances() {
    QueryScope scope = QueryScope.study(a1.studyUid());
    JsonNode series = search(QueryLevel.SERIES, scope);
    assertThat(values(series, "0020000E")).containsExactlyInAnyOrder(a1.seriesUid(), a3.seriesUid());
    assertThat(values(search(QueryLevel.SERIES, scope, "Modality=CT"), "0020000E")).containsExactly(a3.seriesUid());
    assertThat(values(search(QueryLevel.SERIES, scope, "SeriesNumber=1"), "0020000E")).containsExactly(a1.seriesUid());
    JsonNode mr = search(QueryLevel.SERIES, scope, "SeriesInstanceUID=" + a1.seriesUid()).get(0);
    assertThat(mr.path("00201209").path("Value").path(0).asInt()).isEqualTo(2);
    assertThat(mr.path("00081190").path("Value").path(0).asText()).isEqualTo(URLS.series(a1.studyUid(), a1.seriesUid()));
    assertThat(mr.has("00100010")).as("scoped to a study: no study attributes").isFalse();
    assertThat(values(search(QueryLevel.SERIES, scope, "PerformedProcedureStepStartDate=20240111"), "0020000E"))
        .containsExactly(a3.seriesUid());
    assertThat(search(QueryLevel.SERIES, QueryScope.study("1.2.3"))).isEmpty();
  }

  @Test
  void seriesOfAllStudies_matchStudyKeysToo_andCarryStudyAttributes() {
    JsonNode series = search(QueryLevel.SERIES, QueryScope.all(), "PatientName=doe*", "Modality=CT");
    assertThat(values(series, "0020000E")).containsExactlyInAnyOrder(a3.seriesUid(), b.seriesUid());
    assertThat(patientNames(series)).containsExactly("Doe^Jane^Marie", "Doe^John");
    assertThat(values(search(QueryLevel.SERIES, QueryScope.all(), "Modality=CT", "StudyDate=20240320"), "0020000E"))
        .containsExactly(b.seriesUid());
  }

  @Test
  void instances_matchSopClass_number_andUid_atEveryScope() {
    QueryScope series = QueryScope.series(a1.studyUid(), a1.seriesUid());
    assertThat(values(search(QueryLevel.INSTANCE, series), "00080018"))
        .containsExactlyInAnyOrder(a1.sopInstanceUid(), a2.sopInstanceUid());
    assertThat(values(search(QueryLevel.INSTANCE, series, "InstanceNumber=2"), "00080018"))
        .containsExactly(a2.sopInstanceUid());
    assertThat(values(search(QueryLevel.INSTANCE, QueryScope.study(a1.studyUid())), "00080018")).hasSize(3);
    assertThat(values(search(QueryLevel.INSTANCE, QueryScope.all(), "SOPClassUID=1.2.840.10008.5.1.4.1.1.2"),
        "00080018")).containsExactly(d.sopInstanceUid());
    assertThat(values(search(QueryLevel.INSTANCE, QueryScope.all(), "SOPInstanceUID=" + c.sopInstanceUid()),
        "0020000D")).containsExactly(c.studyUid());
    assertThat(values(search(QueryLevel.INSTANCE, QueryScope.all(), "AccessionNumber=ACC-1", "InstanceNumber=1"),
        "00080018")).containsExactlyInAnyOrder(a1.sopInstanceUid(), a3.sopInstanceUid());
  }

  @Test
  void instanceResults_carryImageAttributes_andAllCarriesTheMetadataWithBulkDataUrls() {
    QueryScope series = QueryScope.series(b.studyUid(), b.seriesUid());
    JsonNode result = search(QueryLevel.INSTANCE, series).get(0);
    assertThat(result.path("00280010").path("Value").path(0).asInt()).as("Rows").isEqualTo(64);
    assertThat(result.path("00280100").path("Value").path(0).asInt()).as("BitsAllocated").isEqualTo(16);
    assertThat(result.path("00081190").path("Value").path(0).asText())
        .isEqualTo(URLS.instance(b.studyUid(), b.seriesUid(), b.sopInstanceUid()));
    assertThat(result.has("7FE00010")).isFalse();
    JsonNode all = search(QueryLevel.INSTANCE, series, "includefield=all").get(0);
    assertThat(all.path("7FE00010").path("BulkDataURI").asText())
        .isEqualTo(URLS.bulkData(b.studyUid(), b.seriesUid(), b.sopInstanceUid(), "7FE00010"));
    assertThat(new String(qido.search(QueryLevel.INSTANCE, series, params("includefield=00180084"), READER).body()))
        .as("ImagingFrequency, every digit").contains("\"00180084\":{\"vr\":\"DS\",\"Value\":[63.92433900]}");
  }

  @Test
  void malformedOrUnsupportedParameters_are400_namingTheParameter() {
    assertBad("StudyDate", "StudyDate=2024-01");
    assertBad("StudyDate", "StudyDate=20240101-20230101");
    assertBad("NoSuchKeyword", "NoSuchKeyword=1");
    assertBad("limit", "limit=0");
    assertBad("limit", "limit=ten");
    assertBad("offset", "offset=-1");
    assertBad("fuzzymatching", "fuzzymatching=maybe");
    assertBad("StudyInstanceUID", "StudyInstanceUID=1.2.*");
    assertBad("StudyInstanceUID", "StudyInstanceUID=1.2.abc");
    assertBad("ReferencedStudySequence", "ReferencedStudySequence=x");
    assertBad("ReferencedStudySequence.StudyInstanceUID", "ReferencedStudySequence.StudyInstanceUID=1.2");
    assertBad("PatientID", "PatientID=a", "PatientID=b");
    assertBad("includefield", "includefield=NotAnAttribute");
    assertBad("Modality", "Modality=CT");
    assertBad("SOPInstanceUID", "SOPInstanceUID=1.2.3");
    assertThatThrownBy(() -> QueryScope.study("not-a-uid")).isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).parameter()).isEqualTo("study");
  }

  private static void assertBad(String parameter, String... pairs) {
    assertThatThrownBy(() -> qido.search(QueryLevel.STUDY, QueryScope.all(), params(pairs), READER))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).parameter()).isEqualTo(parameter);
  }

  @Test
  void onlyJsonIsOffered() {
    assertThat(QidoService.negotiate(null)).isEqualTo("application/dicom+json");
    assertThat(QidoService.negotiate("application/json")).isEqualTo("application/dicom+json");
    assertThat(QidoService.negotiate("multipart/related; type=\"application/dicom+xml\", */*;q=0.1"))
        .isEqualTo("application/dicom+json");
    assertThatThrownBy(() -> QidoService.negotiate("multipart/related; type=\"application/dicom+xml\""))
        .isInstanceOf(NotAcceptableException.class);
  }
}
