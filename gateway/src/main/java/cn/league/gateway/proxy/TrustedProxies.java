package cn.league.gateway.proxy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxies whose forwarded headers the gateway believes (CIDR blocks, e.g. the Ingress controllers' pod network).
 * The client is found from the right: the peer, then each address a trusted hop says it forwarded for, until the
 * first address that is not a trusted proxy. Whatever the client wrote itself further left is never reached, and
 * from an untrusted peer no header is read at all.
 */
public final class TrustedProxies {

    private final List<Block> blocks;

    public TrustedProxies(List<String> cidrs) {
        this.blocks = cidrs.stream().map(String::trim).filter(cidr -> !cidr.isEmpty()).map(Block::parse).toList();
    }

    public boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /**
     * The client's address: {@code peer} itself unless it is a trusted proxy; then the right-most address of
     * {@code Forwarded} ({@code for=}) or, without that header, {@code X-Forwarded-For} that is not a trusted proxy.
     * A hop that names no usable address (unknown, an obfuscated name, garbage) ends the walk at the last address known.
     */
    public InetAddress clientOf(InetAddress peer, List<String> forwarded, List<String> xForwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = !forwarded.isEmpty() ? forwardedFor(forwarded) : split(xForwardedFor);
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return client;
    }

    private static List<String> split(List<String> headers) {
        List<String> hops = new ArrayList<>();
        headers.forEach(header -> {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        });
        return hops;
    }

    /** RFC 7239: {@code for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"} → each element's for value. */
    private static List<String> forwardedFor(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String element : split(headers)) {
            String value = "";
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("for")) {
                    value = pair.substring(equals + 1).trim();
                }
            }
            hops.add(value);
        }
        return hops;
    }

    /** An IP literal (optionally quoted, bracketed, with a port), never a name to look up. */
    static Optional<InetAddress> literal(String hop) {
        String value = hop.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            value = value.substring(1, close);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':'));
        }
        if (value.isEmpty() || !value.toLowerCase(Locale.ROOT).matches("[0-9a-f:.]+")) {
            return Optional.empty();
        }
        try {
            // only digits, dots and colons: parsed as a literal, no name lookup
            return Optional.of(InetAddress.getByName(value));
        } catch (java.net.UnknownHostException | IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    /** One CIDR block, e.g. 10.0.0.0/8 or fd00::/8; a bare address is a block of one. */
    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress parsed = literal(address.contains(":") ? "[" + address + "]" : address).orElseThrow(() ->
                    new IllegalArgumentException("league.gateway.trusted-proxies: not a CIDR block: " + cidr));
            byte[] bytes = parsed.getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1).trim());
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("league.gateway.trusted-proxies: bad prefix length in " + cidr);
            }
            return new Block(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit += 8) {
                int bits = Math.min(8, prefix - bit);
                int mask = (0xFF << (8 - bits)) & 0xFF;
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
