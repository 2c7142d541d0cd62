package cn.league.importing.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;

/** Files made to hurt an importer (issue 11 item 8), built from a filled template. */
public final class HostileFiles {

    private HostileFiles() {
    }

    static byte[] filledXlsx() {
        return Workbooks.filled(Template.SUBORDINATE_MEMBERS, FileFormat.XLSX, List.of(Arrays.asList("某支部",
                "团员", "张三", "110101200003030011", "汉族", "共青团员", "大学本科", "2015-05-04")));
    }

    /** The first sheet's XML inflates from a few hundred KB to 300 MB (blanks after the header rows). */
    public static byte[] zipBomb() {
        return replacing(filledXlsx(), "xl/worksheets/sheet1.xml", (original, out) -> {
            int end = original.indexOf("</sheetData>");
            out.write(original.substring(0, end).getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                out.write(blanks);
            }
            out.write(original.substring(end).getBytes(StandardCharsets.UTF_8));
        });
    }

    /** An external entity (file:///etc/passwd) in the sheet, and nested entities (billion laughs) in the strings. */
    public static byte[] entities() {
        byte[] external = replacing(filledXlsx(), "xl/worksheets/sheet1.xml", (original, out) -> out.write(
                original.replaceFirst("<worksheet", "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<worksheet").replace("</sheetData>", "</sheetData><!-- &x; -->")
                        .getBytes(StandardCharsets.UTF_8)));
        return replacing(external, "xl/sharedStrings.xml", (original, out) -> {
            StringBuilder laughs = new StringBuilder("<!DOCTYPE sst [<!ENTITY l0 \"lol\">");
            for (int i = 1; i < 10; i++) {
                laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                        .append("\">");
            }
            laughs.append("]>");
            out.write(original.replaceFirst("<sst", laughs + "<sst").getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A sheet whose dimension claims A1:XFD1048576, with a cell at XFD1048576. */
    public static byte[] claimsWholeSheet() {
        return replacing(filledXlsx(), "xl/worksheets/sheet1.xml", (original, out) -> out.write(
                original.replaceFirst("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"A1:XFD1048576\"/>")
                        .replace("</sheetData>", "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>"
                                + "远处</t></is></c></row></sheetData>")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] corruptZip() {
        byte[] whole = filledXlsx();
        return Arrays.copyOf(whole, whole.length / 2);
    }

    public static byte[] encryptedXlsx() {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(filledXlsx()));
                 OutputStream encrypted = encryptor.getDataStream(fs)) {
                opc.save(encrypted);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    public static byte[] encryptedXls() {
        byte[] plain = Workbooks.filled(Template.SUBORDINATE_MEMBERS, FileFormat.XLS, List.of(Arrays.asList("某支部",
                "团员", "张三", "110101200003030011")));
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (HSSFWorkbook book = new HSSFWorkbook(new ByteArrayInputStream(plain))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    public static byte[] csv() {
        return "所在团支部,人员类型,姓名,身份证号\n某支部,团员,张三,110101200003030011\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private interface EntryRewrite {
        void write(String original, OutputStream out) throws IOException;
    }

    private static byte[] replacing(byte[] xlsx, String entryName, EntryRewrite rewrite) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    rewrite.write(new String(content, StandardCharsets.UTF_8), zip);
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }
}
