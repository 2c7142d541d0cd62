package cn.league.captcha;

import java.util.Map;

/**
 * 5×7 bitmaps of the characters a captcha uses. Characters people confuse (0/O, 1/I/L, B/8, G/6, Q, S/5, Z/2, V/U)
 * are left out, so a person who reads the image right is never refused.
 */
final class Glyphs {

    static final String ALPHABET = "23456789ACDEFHJKMNPRTUWXY";
    static final int COLUMNS = 5;
    static final int ROWS = 7;

    private static final Map<Character, String[]> BITMAPS = Map.ofEntries(
            Map.entry('2', new String[] {" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"}),
            Map.entry('3', new String[] {"#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### "}),
            Map.entry('4', new String[] {"   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "}),
            Map.entry('5', new String[] {"#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "}),
            Map.entry('6', new String[] {"  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "}),
            Map.entry('7', new String[] {"#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "}),
            Map.entry('8', new String[] {" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "}),
            Map.entry('9', new String[] {" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "}),
            Map.entry('A', new String[] {" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"}),
            Map.entry('C', new String[] {" ### ", "#   #", "#    ", "#    ", "#    ", "#   #", " ### "}),
            Map.entry('D', new String[] {"#### ", "#   #", "#   #", "#   #", "#   #", "#   #", "#### "}),
            Map.entry('E', new String[] {"#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####"}),
            Map.entry('F', new String[] {"#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#    "}),
            Map.entry('H', new String[] {"#   #", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"}),
            Map.entry('J', new String[] {"  ###", "   # ", "   # ", "   # ", "   # ", "#  # ", " ##  "}),
            Map.entry('K', new String[] {"#   #", "#  # ", "# #  ", "##   ", "# #  ", "#  # ", "#   #"}),
            Map.entry('M', new String[] {"#   #", "## ##", "# # #", "# # #", "#   #", "#   #", "#   #"}),
            Map.entry('N', new String[] {"#   #", "#   #", "##  #", "# # #", "#  ##", "#   #", "#   #"}),
            Map.entry('P', new String[] {"#### ", "#   #", "#   #", "#### ", "#    ", "#    ", "#    "}),
            Map.entry('R', new String[] {"#### ", "#   #", "#   #", "#### ", "# #  ", "#  # ", "#   #"}),
            Map.entry('T', new String[] {"#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  "}),
            Map.entry('U', new String[] {"#   #", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "}),
            Map.entry('W', new String[] {"#   #", "#   #", "#   #", "# # #", "# # #", "# # #", " # # "}),
            Map.entry('X', new String[] {"#   #", "#   #", " # # ", "  #  ", " # # ", "#   #", "#   #"}),
            Map.entry('Y', new String[] {"#   #", "#   #", " # # ", "  #  ", "  #  ", "  #  ", "  #  "}));

    private Glyphs() {
    }

    static boolean[][] bitmap(char c) {
        String[] rows = BITMAPS.get(c);
        if (rows == null) {
            throw new IllegalArgumentException("no glyph for " + c);
        }
        boolean[][] pixels = new boolean[ROWS][COLUMNS];
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                pixels[row][column] = rows[row].charAt(column) == '#';
            }
        }
        return pixels;
    }
}
