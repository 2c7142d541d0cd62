package cn.league.support.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call which {@code /internal/**} endpoint of a service: each path pattern names the one realm role that
 * its caller's service account holds ({@code league.security.internal-access=/internal/members/bulk=league-members-bulk,
 * ...}). One role per caller and endpoint, so a leaked or misused service account reaches one thing only; a path no
 * entry names is refused to everyone.
 */
final class InternalAccess {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<Entry> entries;

    private InternalAccess(List<Entry> entries) {
        this.entries = entries;
    }

    private record Entry(String pattern, String role) {
    }

    static InternalAccess parse(String[] settings) {
        List<Entry> entries = new ArrayList<>();
        for (String setting : settings) {
            if (setting.isBlank()) {
                continue;
            }
            int equals = setting.lastIndexOf('=');
            if (equals <= 0 || equals == setting.length() - 1) {
                throw new IllegalArgumentException("league.security.internal-access: '" + setting
                        + "' is not <path pattern>=<realm role>");
            }
            entries.add(new Entry(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip()));
        }
        return new InternalAccess(List.copyOf(entries));
    }

    /** True when an entry's pattern matches the path and the caller holds that entry's role. */
    boolean allows(String path, Authentication caller) {
        if (caller == null || !caller.isAuthenticated()) {
            return false;
        }
        for (Entry entry : entries) {
            if (PATHS.match(entry.pattern(), path)) {
                String needed = "ROLE_" + entry.role();
                return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(needed::equals);
            }
        }
        return false;
    }
}
