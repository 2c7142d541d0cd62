package cn.league.importing.parse;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.ExtendedFormatRecord;
import org.apache.poi.hssf.record.FormatRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import cn.league.importing.template.FileFormat;

/**
 * Reads the rows of a workbook's first sheet one at a time, never the whole workbook: .xlsx through POI's SAX
 * event API (XSSFReader, the sheet XML streamed from the zip, its cells read by {@link XlsxCells}), .xls through POI's HSSF record event API. Each cell
 * comes as text: strings as written, numbers without a trailing ".0", date-formatted numbers as ISO dates, formulas
 * as their cached values. Only the first {@value #MAX_COLUMNS} columns are kept (the templates use 13).
 * <p>
 * Hostile files meet POI's limits, set once here: a zip entry inflating more than 100-fold or beyond 256 MB, XML
 * with a DOCTYPE (entity expansion, external entities: POI's SAX parser refuses them), a record claiming more than
 * 64 MB. Each becomes an {@link ImportProblems} refusal.
 */
public final class SheetRows {

    public static final int MAX_COLUMNS = 64;

    private static final String SPREADSHEET = XSSFRelation.NS_SPREADSHEETML;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(64L * 1024 * 1024);
        IOUtils.setByteArrayMaxOverride(64 * 1024 * 1024);
    }

    /** Receives each non-blank row; returns false to stop reading. */
    @FunctionalInterface
    public interface RowHandler {
        /**
         * @param rowIndex zero-based index of the row in the sheet
         * @param cells    the cells' texts by column (null where a cell is empty)
         */
        boolean row(int rowIndex, List<String> cells);
    }

    private SheetRows() {
    }

    public static void read(Path file, FileFormat format, RowHandler handler) {
        try {
            if (format == FileFormat.XLSX) {
                readXlsx(file, handler);
            } else {
                readXls(file, handler);
            }
        } catch (Stop stop) {
            // the handler had enough
        } catch (HandlerFailure failure) {
            throw failure.cause;
        } catch (EncryptedDocumentException encrypted) {
            throw ImportProblems.encrypted();
        } catch (SAXException xml) {
            throw String.valueOf(xml.getMessage()).contains("DOCTYPE") ? ImportProblems.unsafe()
                    : ImportProblems.unreadable();
        } catch (HSSFUserException | ParserConfigurationException unreadable) {
            throw ImportProblems.unreadable();
        } catch (IOException | RuntimeException | OpenXML4JException failure) {
            if (failure instanceof cn.league.support.problem.ProblemException problem) {
                throw problem;
            }
            throw tooLarge(failure) ? ImportProblems.tooLargeInside() : ImportProblems.unreadable();
        }
    }

    /** POI's zip-bomb and size guards, by what they throw. */
    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof RecordFormatException || message.contains("Zip bomb")
                    || message.contains("exceeds the maximum") || message.contains("Maximum allowed")
                    || message.contains("max entry size") || message.contains("MaxLength")) {
                return true;
            }
        }
        return false;
    }

    private static void readXlsx(Path file, RowHandler handler) throws IOException, OpenXML4JException,
            SAXException, ParserConfigurationException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> strings = sharedStrings(pkg);
            StylesTable styles = reader.getStylesTable();
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ImportProblems.notATemplate();
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XlsxCells(styles, strings, handler));
                xml.parse(new InputSource(sheet));
            }
        } catch (NotOfficeXmlFileException notOoxml) {
            throw ImportProblems.unreadable();
        }
    }

    /**
     * The workbook's shared strings (xl/sharedStrings.xml) as text, in order: each {@code si}'s text runs, without
     * the phonetic ones, Excel's {@code _xHHHH_} escapes decoded — what POI's ReadOnlySharedStringsTable answers,
     * without the XMLBeans rich text object it builds for every string asked for.
     */
    private static List<String> sharedStrings(OPCPackage pkg) throws IOException, SAXException,
            ParserConfigurationException {
        List<String> strings = new ArrayList<>();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return strings;
        }
        try (InputStream in = parts.getFirst().getInputStream()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                private final StringBuilder text = new StringBuilder();
                private boolean inText;
                private int phonetic;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (!SPREADSHEET.equals(uri)) {
                        return;
                    }
                    switch (localName) {
                        case "si" -> text.setLength(0);
                        case "t" -> inText = phonetic == 0;
                        case "rPh" -> phonetic++;
                        default -> {
                        }
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    if (!SPREADSHEET.equals(uri)) {
                        return;
                    }
                    switch (localName) {
                        case "si" -> strings.add(unescaped(text));
                        case "t" -> inText = false;
                        case "rPh" -> phonetic--;
                        default -> {
                        }
                    }
                }

                @Override
                public void characters(char[] chars, int start, int length) {
                    if (inText) {
                        text.append(chars, start, length);
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return strings;
    }

    /** Excel's escapes of characters XML cannot hold ({@code _x000D_}), decoded as POI's rich text decodes them. */
    static String unescaped(CharSequence text) {
        String plain = text.toString();
        if (plain.indexOf("_x") < 0) {
            return plain;
        }
        StringBuilder decoded = new StringBuilder(plain.length());
        int i = 0;
        while (i < plain.length()) {
            if (i + 7 <= plain.length() && plain.startsWith("_x", i) && plain.charAt(i + 6) == '_'
                    && plain.substring(i + 2, i + 6).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                decoded.append((char) Integer.parseInt(plain, i + 2, i + 6, 16));
                i += 7;
            } else {
                decoded.append(plain.charAt(i++));
            }
        }
        return decoded.toString();
    }

    private static void readXls(Path file, RowHandler handler) throws IOException, HSSFUserException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw ImportProblems.encrypted();
            }
            if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("WORKBOOK")
                    && !fs.getRoot().hasEntry("Book")) {
                throw ImportProblems.notASpreadsheet();
            }
            HSSFRequest request = new HSSFRequest();
            XlsRows rows = new XlsRows(handler);
            request.addListenerForAllRecords(rows);
            new HSSFEventFactory().abortableProcessWorkbookEvents(request, fs);
        }
    }

    /** Numbers as plain text, date-formatted numbers as ISO dates. */
    static String number(double value, int formatIndex, String formatString) {
        if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString)
                && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value).toLocalDate().toString();
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Thrown from inside a parser's callback to stop it. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** What the handler threw, carried through the parser untouched (not taken for a fault of the file). */
    private static final class HandlerFailure extends RuntimeException {
        private final RuntimeException cause;

        HandlerFailure(RuntimeException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    /** Collects a row's cells; empty rows are not passed on. */
    private static final class RowBuffer {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private int rowIndex = -1;

        RowBuffer(RowHandler handler) {
            this.handler = handler;
        }

        void cell(int row, int column, String value) {
            if (row != rowIndex) {
                flush();
                rowIndex = row;
            }
            if (column >= MAX_COLUMNS || value == null || value.isEmpty()) {
                return;
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
        }

        /** @return false when the handler wants no more rows */
        boolean flush() {
            boolean more = true;
            if (!cells.isEmpty() && cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                try {
                    more = handler.row(rowIndex, cells.stream().map(c -> c == null ? "" : c).toList());
                } catch (RuntimeException failure) {
                    throw new HandlerFailure(failure);
                }
            }
            cells.clear();
            return more;
        }
    }

    /**
     * The cells of an .xlsx sheet from its XML, read as POI's XSSFSheetXMLHandler reads them — a formula's cached
     * value, a number through its cell's number format, a boolean as TRUE/FALSE, an error as ERROR:… — but a string
     * cell's text taken as it stands: POI's handler builds an XMLBeans rich text object for every string cell, a
     * third of a whole import's parse (profiled on the 200,000-row benchmark file).
     */
    private static final class XlsxCells extends DefaultHandler {
        private final StylesTable styles;
        private final List<String> strings;
        private final RowBuffer buffer;
        private final Map<Integer, String[]> formats = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private int row = -1;
        private int column;
        private int nextColumn;
        private String type;
        private String style;
        private boolean inValue;
        private boolean inInline;
        private boolean hasValue;

        XlsxCells(StylesTable styles, List<String> strings, RowHandler handler) {
            this.styles = styles;
            this.strings = strings;
            this.buffer = new RowBuffer(handler);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!SPREADSHEET.equals(uri)) {
                return;
            }
            switch (localName) {
                case "row" -> {
                    String number = attributes.getValue("r");
                    row = number == null ? row + 1 : Integer.parseInt(number) - 1;
                    nextColumn = 0;
                }
                case "c" -> {
                    String reference = attributes.getValue("r");
                    column = reference == null ? nextColumn : column(reference);
                    nextColumn = column + 1;
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    text.setLength(0);
                    hasValue = false;
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "is" -> {
                    // a value written beside the inline string is the newer one: POI's usermodel, changing an
                    // inline string cell (a failure workbook fixed by a program), writes it there
                    inInline = !hasValue;
                    hasValue = true;
                }
                case "t" -> inValue = inInline;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!SPREADSHEET.equals(uri)) {
                return;
            }
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "is" -> inInline = false;
                case "c" -> {
                    if (hasValue) {
                        buffer.cell(row, column, value());
                    }
                }
                case "row" -> {
                    if (!buffer.flush()) {
                        throw new Stop();
                    }
                    buffer.rowIndex = -1;
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] chars, int start, int length) {
            if (inValue) {
                text.append(chars, start, length);
            }
        }

        private String value() {
            return switch (type == null ? "n" : type) {
                case "s" -> text.isEmpty() ? null : strings.get(Integer.parseInt(text.toString().strip()));
                case "inlineStr" -> unescaped(text);
                case "str" -> text.toString();
                case "b" -> text.isEmpty() ? null : text.charAt(0) == '0' ? "FALSE" : "TRUE";
                case "e" -> "ERROR:" + text;
                default -> number(text.toString());
            };
        }

        /** A number through its cell's format (POI's: the cell's style, else the workbook's first). */
        private String number(String raw) {
            String[] format = format(style == null ? 0 : Integer.parseInt(style));
            if (format == null || raw.isEmpty()) {
                return raw;
            }
            try {
                return SheetRows.number(Double.parseDouble(raw), Integer.parseInt(format[0]), format[1]);
            } catch (NumberFormatException notANumber) {
                return raw;
            }
        }

        /** A style's number format as {index, format string}, or null without styles. */
        private String[] format(int styleIndex) {
            if (styles == null || styles.getNumCellStyles() == 0) {
                return null;
            }
            return formats.computeIfAbsent(styleIndex, index -> {
                XSSFCellStyle cellStyle = styles.getStyleAt(index);
                if (cellStyle == null) {
                    return null;
                }
                short formatIndex = cellStyle.getDataFormat();
                String formatString = cellStyle.getDataFormatString();
                return new String[] {String.valueOf(formatIndex),
                        formatString != null ? formatString : BuiltinFormats.getBuiltinFormat(formatIndex)};
            });
        }

        /** The zero-based column of a cell reference such as "AB12". */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }

    private static final class XlsRows extends AbortableHSSFListener {
        private final RowBuffer buffer;
        private final Map<Integer, String> formats = new HashMap<>();
        private final List<ExtendedFormatRecord> cellFormats = new ArrayList<>();
        private SSTRecord strings;
        private int worksheets;
        private boolean inFirstSheet;
        private FormulaRecord pendingFormula;

        XlsRows(RowHandler handler) {
            this.buffer = new RowBuffer(handler);
        }

        @Override
        public short abortableProcessRecord(org.apache.poi.hssf.record.Record record) {
            switch (record) {
                case BOFRecord bof when bof.getType() == BOFRecord.TYPE_WORKSHEET -> {
                    inFirstSheet = worksheets++ == 0;
                }
                case EOFRecord eof when inFirstSheet -> {
                    buffer.flush();
                    return 1;
                }
                case SSTRecord sst -> strings = sst;
                case FormatRecord format -> formats.put(format.getIndexCode(), format.getFormatString());
                case ExtendedFormatRecord xf -> cellFormats.add(xf);
                default -> {
                    if (inFirstSheet) {
                        return cell(record);
                    }
                }
            }
            return 0;
        }

        private short cell(org.apache.poi.hssf.record.Record record) {
            if (record instanceof StringRecord cached && pendingFormula != null) {
                FormulaRecord formula = pendingFormula;
                pendingFormula = null;
                return emit(formula, cached.getString()) ? 0 : (short) 1;
            }
            String value = switch (record) {
                case LabelSSTRecord label -> strings == null ? null
                        : strings.getString(label.getSSTIndex()).getString();
                case LabelRecord label -> label.getValue();
                case NumberRecord number -> number(number.getValue(), number);
                case BoolErrRecord bool -> bool.isBoolean() ? String.valueOf(bool.getBooleanValue()).toUpperCase()
                        : null;
                case FormulaRecord formula -> formula(formula);
                default -> null;
            };
            if (value != null && record instanceof CellValueRecordInterface cell && !emit(cell, value)) {
                return 1;
            }
            return 0;
        }

        private String formula(FormulaRecord formula) {
            if (formula.getCachedResultTypeEnum() == CellType.STRING) {
                pendingFormula = formula;
                return null;
            }
            return switch (formula.getCachedResultTypeEnum()) {
                case NUMERIC -> number(formula.getValue(), formula);
                case BOOLEAN -> String.valueOf(formula.getCachedBooleanValue()).toUpperCase();
                default -> null;
            };
        }

        private boolean emit(CellValueRecordInterface cell, String value) {
            if (cell.getRow() != buffer.rowIndex && buffer.rowIndex >= 0) {
                if (!buffer.flush()) {
                    return false;
                }
                buffer.rowIndex = cell.getRow();
            }
            buffer.cell(cell.getRow(), cell.getColumn(), value);
            return true;
        }

        private String number(double value, CellValueRecordInterface cell) {
            int xf = cell.getXFIndex();
            int formatIndex = xf < cellFormats.size() ? cellFormats.get(xf).getFormatIndex() : 0;
            String formatString = formats.getOrDefault(formatIndex, BuiltinFormats.getBuiltinFormat(formatIndex));
            return SheetRows.number(value, formatIndex, formatString);
        }
    }
}
