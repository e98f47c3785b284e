package org.custos.dicom.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custos.dicom.interop.Difference.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table of docs/dcmtk-differences.md: how rows are read and what they match. */
class DocumentedDifferencesTest {
  @TempDir
  Path dir;

  private List<DocumentedDifferences.Row> read(String... tableRows) throws IOException {
    String text = "# Title\n\nprose\n\n" + DocumentedDifferences.HEADING + "\n\n"
        + "| file | tag path | kind | reason |\n|---|---|---|---|\n" + String.join("\n", tableRows) + "\n\nafter\n";
    return DocumentedDifferences.read(Files.writeString(dir.resolve("doc.md"), text));
  }

  private static Difference difference(String file, String path, Kind kind) {
    return new Difference(file, path, kind, "detail");
  }

  @Test
  void exactRow_matchesOnlyItsFilePathAndKind() throws IOException {
    DocumentedDifferences.Row row = read("| `a.dcm` | `(0008,0018)` | duplicate-in-ours | why |").get(0);

    assertThat(row.matches(difference("a.dcm", "(0008,0018)", Kind.DUPLICATE_IN_OURS))).isTrue();
    assertThat(row.matches(difference("a.dcm", "(0008,0018)", Kind.VALUE))).isFalse();
    assertThat(row.matches(difference("a.dcm", "(0008,0018)[0]/(0008,0018)", Kind.DUPLICATE_IN_OURS))).isFalse();
    assertThat(row.matches(difference("b.dcm", "(0008,0018)", Kind.DUPLICATE_IN_OURS))).isFalse();
  }

  @Test
  void pathEndingInStar_matchesEveryPathWithThatPrefix() throws IOException {
    List<DocumentedDifferences.Row> rows = read(
        "| a.dcm | * | private-vr | why |",
        "| a.dcm | (0029,1010)[0]/* | vr | why |");

    assertThat(rows.get(0).matches(difference("a.dcm", "(0019,1002)", Kind.PRIVATE_VR))).isTrue();
    assertThat(rows.get(0).matches(difference("a.dcm", "(0019,1002)", Kind.VR))).isFalse();
    assertThat(rows.get(1).matches(difference("a.dcm", "(0029,1010)[0]/(0008,0100)", Kind.VR))).isTrue();
    assertThat(rows.get(1).matches(difference("a.dcm", "(0029,1010)[1]/(0008,0100)", Kind.VR))).isFalse();
  }

  @Test
  void rowWithoutReason_isRejectedWithItsLine() {
    assertThatThrownBy(() -> read("| a.dcm | - | refused-by-ours |  |"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 9");
  }

  @Test
  void unknownKind_isRejected() {
    assertThatThrownBy(() -> read("| a.dcm | - | close-enough | why |"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("close-enough");
  }

  @Test
  void ourOwnFailures_cannotBeDocumented() {
    assertThatThrownBy(() -> read("| a.dcm | - | crash | it happens |"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a difference to document");
    assertThatThrownBy(() -> read("| a.dcm | - | comparison-failed | it happens |"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a difference to document");
  }

  @Test
  void starInAFileName_isRejected() {
    assertThatThrownBy(() -> read("| valid/*.dcm | - | vr | why |"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no '*'");
  }

  @Test
  void theProjectPage_parses() throws IOException {
    Path page = Files.isRegularFile(Path.of("../docs/dcmtk-differences.md"))
        ? Path.of("../docs/dcmtk-differences.md") : Path.of("docs/dcmtk-differences.md");

    assertThat(DocumentedDifferences.read(page)).isNotEmpty();
  }
}
