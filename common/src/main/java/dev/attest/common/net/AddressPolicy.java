package dev.attest.common.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a request to a tenant-chosen URL may go to: none that reach into our own or a cloud's networks
 * (loopback, private, link-local and metadata, CGNAT, multicast, reserved), in their IPv4 and IPv6
 * forms, including IPv4 addresses embedded in IPv6 (mapped, NAT64, 6to4), unless an allowlisted
 * network contains the address.
 */
public final class AddressPolicy {
    private static final List<Cidr> FORBIDDEN_V4 = cidrs(
            "0.0.0.0/8", // "this" network; 0.x.y.z reaches the local host on some systems
            "10.0.0.0/8",
            "100.64.0.0/10", // CGNAT, also cloud metadata (100.100.100.200)
            "127.0.0.0/8",
            "169.254.0.0/16", // link-local, cloud metadata (169.254.169.254)
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4", // multicast
            "240.0.0.0/4"); // reserved and broadcast
    private static final List<Cidr> FORBIDDEN_V6 = cidrs(
            "::/96", // unspecified, loopback and the deprecated IPv4-compatible form
            "64:ff9b:1::/48", // local-use NAT64
            "100::/64", // discard
            "2001::/32", // Teredo: hides an IPv4 address
            "2001:db8::/32",
            "fc00::/7", // unique local
            "fe80::/10", // link-local
            "fec0::/10", // site-local
            "ff00::/8"); // multicast
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private final List<Cidr> allowed;

    public AddressPolicy(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(Cidr::parse).toList();
    }

    /** Why {@code address} is refused, or empty if a request may go there. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (allowed.stream().anyMatch(network -> network.contains(bytes))) {
            return Optional.empty();
        }
        return refusal(bytes);
    }

    private static Optional<String> refusal(byte[] bytes) {
        if (bytes.length == 4) {
            return FORBIDDEN_V4.stream().anyMatch(n -> n.contains(bytes))
                    ? Optional.of("a private, loopback, link-local, CGNAT, multicast or reserved address")
                    : Optional.empty();
        }
        if (isIpv4Mapped(bytes) || NAT64.contains(bytes)) {
            return refusal(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return refusal(Arrays.copyOfRange(bytes, 2, 6));
        }
        return FORBIDDEN_V6.stream().anyMatch(n -> n.contains(bytes))
                ? Optional.of("a loopback, unique-local, link-local, multicast or reserved IPv6 address")
                : Optional.empty();
    }

    /** ::ffff:a.b.c.d; Java usually hands these out as IPv4 already, but not every path does. */
    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static List<Cidr> cidrs(String... networks) {
        return Arrays.stream(networks).map(Cidr::parse).toList();
    }
}
