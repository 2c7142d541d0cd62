package cn.league.importing.template;

import java.util.Optional;

/**
 * The two spreadsheet formats accepted, told by their first bytes, never by the file's name: .xls is an OLE2
 * compound file (BIFF8 inside), .xlsx a zip (OOXML). An encrypted .xlsx is an OLE2 file too; the reader tells it apart.
 */
public enum FileFormat {

    XLS("xls", "application/vnd.ms-excel"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};

    private final String extension;
    private final String mediaType;

    FileFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format these bytes start with; none for anything else (CSV, PDF, images …). */
    public static Optional<FileFormat> of(byte[] head) {
        if (startsWith(head, OLE2)) {
            return Optional.of(XLS);
        }
        if (startsWith(head, ZIP)) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    public static Optional<FileFormat> ofExtension(String extension) {
        for (FileFormat format : values()) {
            if (format.extension.equalsIgnoreCase(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
