package cn.league.member.idnumber;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * The GB/T 2260 region codes an ID number may start with, current and abolished (old IDs keep
 * codes that no longer exist). Loaded once from {@code gbt2260/region-codes.csv}; see its README.
 */
public final class RegionCodes {

    static final String RESOURCE = "/gbt2260/region-codes.csv";
    private static final int CODE_SPACE = 1_000_000;

    // One bit per possible six-digit code: the check is an array read.
    private final BitSet known = new BitSet(CODE_SPACE);
    private final BitSet abolished = new BitSet(CODE_SPACE);
    private final int[] codes;
    private final String[] names;

    private RegionCodes(int[] codes, String[] names, boolean[] abolishedFlags) {
        this.codes = codes;
        this.names = names;
        for (int i = 0; i < codes.length; i++) {
            known.set(codes[i]);
            abolished.set(codes[i], abolishedFlags[i]);
        }
    }

    /** The table shipped with member-service. */
    public static RegionCodes gbt2260() {
        return Shipped.TABLE;
    }

    public boolean isKnown(int code) {
        return code >= 0 && code < CODE_SPACE && known.get(code);
    }

    public boolean isAbolished(int code) {
        return code >= 0 && code < CODE_SPACE && abolished.get(code);
    }

    public Optional<String> name(int code) {
        int at = Arrays.binarySearch(codes, code);
        return at >= 0 ? Optional.of(names[at]) : Optional.empty();
    }

    public int size() {
        return codes.length;
    }

    public int abolishedCount() {
        return abolished.cardinality();
    }

    static RegionCodes read(InputStream csv) throws IOException {
        int[] codes = new int[8192];
        String[] names = new String[codes.length];
        boolean[] abolished = new boolean[codes.length];
        int count = 0;
        int previous = -1;
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            int code = fields.length == 3 && fields[0].length() == 6 && fields[0].chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(fields[0]) : -1;
            if (code <= previous) {
                throw new IllegalStateException("region code table: bad or unsorted line: " + line);
            }
            if (count == codes.length) {
                codes = Arrays.copyOf(codes, count * 2);
                names = Arrays.copyOf(names, count * 2);
                abolished = Arrays.copyOf(abolished, count * 2);
            }
            codes[count] = code;
            names[count] = fields[1];
            abolished[count] = fields[2].equals("1");
            previous = code;
            count++;
        }
        return new RegionCodes(Arrays.copyOf(codes, count), Arrays.copyOf(names, count),
                Arrays.copyOf(abolished, count));
    }

    /** Loaded on first use, once per JVM. */
    private static final class Shipped {

        static final RegionCodes TABLE = load();

        private static RegionCodes load() {
            try (InputStream csv = RegionCodes.class.getResourceAsStream(RESOURCE)) {
                if (csv == null) {
                    throw new IllegalStateException("region code table missing: " + RESOURCE);
                }
                return read(csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
