package dev.attest.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A network in CIDR notation, IPv4 or IPv6. */
record Cidr(byte[] network, int prefixLength) {

    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR network: " + text);
        }
        try {
            // Only literals reach here (configuration and the constants below): no DNS lookup happens.
            byte[] network =
                    InetAddress.getByName(text.substring(0, slash).trim()).getAddress();
            int prefix = Integer.parseInt(text.substring(slash + 1).trim());
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            return new Cidr(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR network: " + text, e);
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
