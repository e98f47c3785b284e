package org.custos.dicom.interop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomFile;
import org.custos.dicom.FileMeta;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.interop.Difference.Kind;

/**
 * Compares our reading of one file with dcmtk's, element by element: file meta and data set,
 * recursing into sequence items, and into encapsulated pixel data item by item.
 *
 * <p>{@link #compareEncoding} checks, per element: presence, VR, value multiplicity, value length
 * and the values. Text values are compared byte for byte (dcmtk's raw output against our bytes,
 * both split at '\' and with padding trimmed); numbers as numbers (FL and FD bit for bit: dcmtk
 * prints 9 and 17 significant digits, which round-trip); OB, OW, UN and the other bulk VRs, and
 * each pixel data item, by length and SHA-256 of the little endian bytes. Where we kept a VR of UN
 * and dcmtk found another VR (its private dictionary), the VR difference is reported and our bytes
 * are then read with dcmtk's VR, so the value is still compared.
 *
 * <p>{@link #compareText} checks the decoding: every character-set-sensitive value as our
 * {@link DataSet#getStrings} decodes it against dcmtk's conversion to UTF-8. Not thread-safe; one
 * instance per comparison.
 */
final class ReadingComparison {
  private final String file;
  private final DicomFile ours;
  private final DcmtkReading theirs;
  private final OurBytes bytes;
  private final boolean textOnly;
  private final List<Difference> differences = new ArrayList<>();

  private ReadingComparison(String file, DicomFile ours, DcmtkReading theirs, OurBytes bytes, boolean textOnly) {
    this.file = file;
    this.ours = ours;
    this.theirs = theirs;
    this.bytes = bytes;
    this.textOnly = textOnly;
  }

  /**
   * All differences in structure and encoded values between our reading of {@code file} (a
   * corpus-relative name) and dcmtk's raw one (dcm2xml without {@code +U8}).
   */
  static List<Difference> compareEncoding(String file, DicomFile ours, DcmtkReading theirs, OurBytes bytes)
      throws IOException {
    if (theirs.textConverted()) {
      throw new IllegalArgumentException("compare the encoding with dcm2xml's raw output, not its +U8 output");
    }
    ReadingComparison comparison = new ReadingComparison(file, ours, theirs, bytes, false);
    if (!ours.transferSyntax().uid().equals(theirs.dataSetTransferSyntax())) {
      comparison.differ("-", Kind.TRANSFER_SYNTAX,
          "ours " + ours.transferSyntax().uid() + ", dcmtk '" + theirs.dataSetTransferSyntax() + "'");
    }
    return comparison.compareTrees();
  }

  /**
   * The character-set-sensitive values whose decoded text differs from dcmtk's UTF-8 conversion
   * ({@code dcm2xml +U8}); structure differences are left to {@link #compareEncoding}.
   */
  static List<Difference> compareText(String file, DicomFile ours, DcmtkReading converted, OurBytes bytes)
      throws IOException {
    if (!converted.textConverted()) {
      throw new IllegalArgumentException("compare the text with dcm2xml's +U8 output");
    }
    return new ReadingComparison(file, ours, converted, bytes, true).compareTrees();
  }

  private List<Difference> compareTrees() throws IOException {
    DataSet meta = ours.fileMeta().map(FileMeta::elements).orElse(DataSet.empty());
    compareDataSets("", meta, theirs.meta());
    compareDataSets("", ours.dataSet(), theirs.dataSet());
    return List.copyOf(differences);
  }

  private void compareDataSets(String prefix, DataSet ourSet, List<DcmtkNode> theirNodes) throws IOException {
    Map<Integer, List<DicomElement>> ourByTag = new TreeMap<>(Integer::compareUnsigned);
    for (DicomElement element : ourSet.elements()) {
      ourByTag.computeIfAbsent(element.tag(), t -> new ArrayList<>()).add(element);
    }
    Map<Integer, DcmtkNode> theirByTag = new TreeMap<>(Integer::compareUnsigned);
    for (DcmtkNode node : theirNodes) {
      if (theirByTag.put(node.tag(), node) != null) {
        throw new IllegalStateException(file + ": dcmtk listed " + Tag.toString(node.tag()) + " twice");
      }
    }
    Set<Integer> allTags = new TreeSet<>(Integer::compareUnsigned);
    allTags.addAll(ourByTag.keySet());
    allTags.addAll(theirByTag.keySet());
    for (int tag : allTags) {
      String path = prefix + Tag.toString(tag);
      List<DicomElement> mine = ourByTag.getOrDefault(tag, List.of());
      DcmtkNode their = theirByTag.get(tag);
      if (mine.isEmpty()) {
        differ(path, Kind.ONLY_IN_DCMTK, "dcmtk " + describe(their));
        continue;
      }
      if (their == null) {
        differ(path, Kind.ONLY_IN_OURS, "ours " + mine.get(0).vr() + " " + mine.get(0).value());
        continue;
      }
      if (mine.size() > 1) {
        differ(path, Kind.DUPLICATE_IN_OURS, mine.size() + " occurrences in ours");
      }
      compareElement(path, ourSet, mine.get(0), their);
    }
  }

  private void compareElement(String path, DataSet container, DicomElement mine, DcmtkNode their) throws IOException {
    Optional<Vr> theirVr = Vr.ofName(their.vr());
    if (!mine.vr().name().equals(their.vr())) {
      // dcmtk has a private dictionary; we read private tags in implicit VR as UN (PS3.5 6.2.2).
      boolean privateDictionary = mine.vr() == Vr.UN && Tag.isPrivate(mine.tag()) && their instanceof DcmtkNode.Leaf;
      differ(path, privateDictionary ? Kind.PRIVATE_VR : Kind.VR, "ours " + mine.vr() + ", dcmtk " + their.vr());
    }
    if (their instanceof DcmtkNode.Sequence seq) {
      if (!(mine.value() instanceof Value.Sequence ourSeq)) {
        differ(path, Kind.STRUCTURE, "ours " + mine.value() + ", dcmtk a sequence of " + seq.items().size() + " items");
        return;
      }
      compareItems(path, ourSeq, seq);
    } else if (their instanceof DcmtkNode.PixelSequence pixels) {
      if (!(mine.value() instanceof Value.Fragments fragments)) {
        differ(path, Kind.STRUCTURE, "ours " + mine.value() + ", dcmtk " + pixels.items().size() + " pixel items");
        return;
      }
      if (!textOnly) {
        compareFragments(path, fragments, pixels);
      }
    } else {
      DcmtkNode.Leaf leaf = (DcmtkNode.Leaf) their;
      if (!(mine.value() instanceof Value.Bytes) && !(mine.value() instanceof Value.Bulk)) {
        differ(path, Kind.STRUCTURE, "ours " + mine.value() + ", dcmtk a value of " + leaf.length() + " bytes");
        return;
      }
      // Read our bytes with dcmtk's VR when we had none better than UN (implicit VR private tags).
      Vr vr = mine.vr() == Vr.UN && theirVr.isPresent() ? theirVr.get() : mine.vr();
      if (textOnly) {
        compareDecodedText(path, container, mine, vr, leaf);
      } else {
        compareLeaf(path, container, mine, vr, leaf);
      }
    }
  }

  private void compareDecodedText(String path, DataSet container, DicomElement mine, Vr vr, DcmtkNode.Leaf their)
      throws IOException {
    // dcmtk's +U8 rewrites (0008,0005) to ISO_IR 192; the encoding comparison covers its value.
    if (!vr.isCharacterSetSensitive() || mine.tag() == Tag.SPECIFIC_CHARACTER_SET) {
      return;
    }
    List<String> ourValues = ValueText.ourStrings(container, mine.tag(), vr, bytes.of(mine.value(), vr), true);
    List<String> theirValues = ValueText.dcmtkValues(their, vr);
    if (!ourValues.equals(theirValues)) {
      differ(path, Kind.TEXT, "ours " + ValueText.show(ourValues) + ", dcmtk " + ValueText.show(theirValues));
    }
  }

  private void compareItems(String path, Value.Sequence mine, DcmtkNode.Sequence their) throws IOException {
    List<DataSet> ourItems = mine.items();
    if (ourItems.size() != their.items().size()) {
      differ(path, Kind.ITEM_COUNT, "ours " + ourItems.size() + ", dcmtk " + their.items().size());
    }
    for (int i = 0; i < Math.min(ourItems.size(), their.items().size()); i++) {
      compareDataSets(path + "[" + i + "]/", ourItems.get(i), their.items().get(i));
    }
  }

  private void compareFragments(String path, Value.Fragments mine, DcmtkNode.PixelSequence their) throws IOException {
    List<Value> ourItems = new ArrayList<>();
    ourItems.add(mine.basicOffsetTable());
    ourItems.addAll(mine.fragments());
    if (ourItems.size() != their.items().size()) {
      differ(path, Kind.ITEM_COUNT, "ours " + ourItems.size() + " pixel items (offset table included), dcmtk " + their.items().size());
    }
    for (int i = 0; i < Math.min(ourItems.size(), their.items().size()); i++) {
      byte[] value = bytes.of(ourItems.get(i), Vr.OB);
      DcmtkNode.Fragment fragment = their.items().get(i);
      String itemPath = path + "[" + i + "]";
      if (value.length != fragment.length()) {
        differ(itemPath, Kind.LENGTH, "ours " + value.length + ", dcmtk " + fragment.length());
      } else if (!OurBytes.sha256(value).equals(fragment.sha256())) {
        differ(itemPath, Kind.VALUE, "SHA-256 differs: ours " + OurBytes.sha256(value) + ", dcmtk " + fragment.sha256());
      }
    }
  }

  private void compareLeaf(String path, DataSet container, DicomElement mine, Vr vr, DcmtkNode.Leaf their)
      throws IOException {
    byte[] value = bytes.of(mine.value(), vr);
    if (value.length != their.length()) {
      differ(path, Kind.LENGTH, "ours " + value.length + ", dcmtk " + their.length());
    }
    if (their.binary()) {
      if (their.binaryLength() != their.length()) {
        throw new IllegalStateException(file + " " + path + ": dcm2xml wrote " + their.binaryLength()
            + " bytes for a value of len " + their.length());
      }
      String ourHash = OurBytes.sha256(value);
      if (value.length == their.binaryLength() && !ourHash.equals(their.sha256())) {
        differ(path, Kind.VALUE, "ours " + value.length + " bytes SHA-256 " + ourHash + ", dcmtk "
            + their.binaryLength() + " bytes SHA-256 " + their.sha256());
      }
      int ourVm = value.length == 0 ? 0 : 1;
      if (ourVm != their.vm()) {
        differ(path, Kind.VM, "ours " + ourVm + ", dcmtk " + their.vm());
      }
      return;
    }
    List<String> ourValues;
    List<String> theirValues = ValueText.dcmtkValues(their, vr);
    boolean equal;
    if (vr.isText()) {
      ourValues = ValueText.ourStrings(container, mine.tag(), vr, value, false);
      equal = ourValues.equals(theirValues);
    } else if (vr.kind() == Vr.Kind.BINARY) {
      ourValues = ValueText.ourNumbers(vr, value);
      equal = ValueText.sameNumbers(vr, ourValues, theirValues);
    } else {
      differ(path, Kind.VALUE, "dcmtk printed a " + vr + " value as text: '" + their.text() + "'");
      return;
    }
    if (ourValues.size() != their.vm()) {
      differ(path, Kind.VM, "ours " + ourValues.size() + ", dcmtk " + their.vm());
    }
    if (!equal) {
      differ(path, Kind.VALUE, "ours " + ValueText.show(ourValues) + ", dcmtk " + ValueText.show(theirValues));
    }
  }

  private static String describe(DcmtkNode node) {
    if (node instanceof DcmtkNode.Leaf leaf) {
      return leaf.vr() + " of " + leaf.length() + " bytes";
    }
    if (node instanceof DcmtkNode.Sequence seq) {
      return seq.vr() + " sequence of " + seq.items().size() + " items";
    }
    return node.vr() + " pixel sequence of " + ((DcmtkNode.PixelSequence) node).items().size() + " items";
  }

  private void differ(String path, Kind kind, String detail) {
    if (textOnly && kind != Kind.TEXT) {
      return; // the encoding comparison reports it
    }
    differences.add(new Difference(file, path, kind, detail));
  }
}
