package org.custos.dicom.dump;

import java.io.PrintWriter;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomFile;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.DicomDictionary;

/**
 * Prints a data set as a tree, one element a line: tag, VR, length, value, keyword — the layout
 * of dcmtk's {@code dcmdump}, so people who know that tool read it at once. Items and sequences
 * are indented; the file meta comes first.
 */
public final class DumpFormatter {
  private DumpFormatter() {}

  public static void print(DicomFile file, PrintWriter out) {
    file.fileMeta().ifPresent(meta -> {
      out.println("# File meta information (preamble: " + meta.preamble().map(p -> p.kind().name()).orElse("none") + ")");
      print(meta.elements(), 0, out);
    });
    out.println("# Data set (" + file.transferSyntax().uid() + ")");
    print(file.dataSet(), 0, out);
    for (var warning : file.warnings()) {
      out.println("# warning: " + warning);
    }
  }

  public static void print(DataSet ds, int depth, PrintWriter out) {
    for (DicomElement e : ds.elements()) {
      String indent = "  ".repeat(depth);
      String keyword = Tag.isPrivate(e.tag()) && !Tag.isPrivateCreator(e.tag())
          ? ds.privateCreatorOf(e.tag()).map(c -> "private [" + c + "]").orElse("private (no creator)")
          : DicomDictionary.keywordOf(e.tag());
      if (e.value() instanceof Value.Sequence seq) {
        out.println(indent + Tag.toString(e.tag()) + " " + e.vr() + (seq.undefinedLength() ? " u/l" : "")
            + " (Sequence with " + seq.items().size() + " items)  # " + keyword);
        List<DataSet> items = seq.items();
        for (int i = 0; i < items.size(); i++) {
          out.println(indent + "  (FFFE,E000) item #" + (i + 1) + (items.get(i).undefinedLength() ? " u/l" : ""));
          print(items.get(i), depth + 2, out);
        }
      } else if (e.value() instanceof Value.Fragments frags) {
        out.println(indent + Tag.toString(e.tag()) + " " + e.vr() + " u/l (encapsulated pixel data, "
            + frags.fragments().size() + " fragments, offset table " + Value.lengthOf(frags.basicOffsetTable()) + " bytes)  # " + keyword);
        for (int i = 0; i < frags.fragments().size(); i++) {
          Value f = frags.fragments().get(i);
          out.println(indent + "  (FFFE,E000) fragment #" + (i + 1) + " " + Value.lengthOf(f) + " bytes");
        }
      } else {
        out.println(indent + Tag.toString(e.tag()) + " " + e.vr() + " " + e.valueLength() + " "
            + ValueText.of(e, ds) + "  # " + keyword);
      }
    }
  }
}
