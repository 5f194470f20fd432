package dev.attest.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF test table of peers.md §3 (OWASP API7), and the allowlist. */
class OutboundAddressGuardTest {
    /** DNS for the tests: a fixed table, so no test depends on the network. */
    private static final HostResolver DNS = host -> switch (host) {
        case "public.example" -> addresses("93.184.216.34");
        case "internal.example" -> addresses("10.1.2.3");
        case "mixed.example" -> addresses("93.184.216.34", "192.168.0.10");
        case "localhost" -> addresses("127.0.0.1", "::1");
        default -> InetAddress.getAllByName(host); // literals only: resolves without DNS
    };

    private final OutboundAddressGuard guard = new OutboundAddressGuard(new AddressPolicy(List.of()), DNS, false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://127.1.2.3/hook",
                "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/hook",
                "http://172.16.0.1/hook",
                "http://192.168.1.1/hook",
                "http://100.64.0.1/hook",
                "http://0.1.2.3/hook",
                "http://0.0.0.0/hook",
                "http://224.0.0.1/hook",
                "http://255.255.255.255/hook",
                "http://[::ffff:169.254.169.254]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://[64:ff9b::a9fe:a9fe]/hook",
                "http://[2002:a9fe:a9fe::]/hook",
                "http://[2002:7f00:1::]/hook",
                "http://[fc00::1]/hook",
                "http://[fd00:ec2::254]/hook",
                "http://[fe80::1]/hook",
                "http://[ff02::1]/hook",
                "http://[::]/hook",
                "http://2130706433/hook",
                "http://0177.0.0.1/hook",
                "http://0x7f.0.0.1/hook",
                "http://0x7f000001/hook",
                "http://017700000001/hook",
                "http://127.1/hook",
                "http://010.0.0.1/hook",
                "http://localhost/hook",
                "http://internal.example/hook",
                "http://mixed.example/hook"
            })
    void refusesAddressesThatReachInternalNetworks(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RefusedAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://public.example/hook",
                "http://93.184.216.34/hook",
                "https://[2606:4700:4700::1111]/hook",
                "https://[64:ff9b::5db8:d822]/hook"
            })
    void acceptsPublicAddresses(String url) {
        assertThat(guard.check(url).address()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://public.example/x", "file:///etc/passwd", "https://user:pw@public.example/", "nope"})
    void refusesOtherSchemesCredentialsAndNonsense(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RefusedAddressException.class);
    }

    @Test
    void refusesPlainHttpWhenHttpsIsRequired() {
        OutboundAddressGuard production = new OutboundAddressGuard(new AddressPolicy(List.of()), DNS, true);
        assertThatThrownBy(() -> production.check("http://public.example/hook"))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("https");
        assertThat(production.check("https://public.example/hook").tls()).isTrue();
    }

    @Test
    void theAllowlistAdmitsOnlyTheNetworksItNames() {
        OutboundAddressGuard local =
                new OutboundAddressGuard(new AddressPolicy(List.of("127.0.0.1/32", "10.1.0.0/16")), DNS, false);
        assertThat(local.check("http://127.0.0.1:9000/hook").port()).isEqualTo(9000);
        assertThat(local.check("http://internal.example/hook").address().getHostAddress())
                .isEqualTo("10.1.2.3");
        assertThatThrownBy(() -> local.check("http://127.0.0.2/hook")).isInstanceOf(RefusedAddressException.class);
        assertThatThrownBy(() -> local.check("http://169.254.169.254/")).isInstanceOf(RefusedAddressException.class);
    }

    @Test
    void aNameThatTurnsPrivateAfterRegistrationIsRefusedAtConnectTimeAndTheCheckedAddressIsPinned() {
        // DNS rebinding: public when the endpoint is registered, loopback when the request is made.
        AtomicInteger lookups = new AtomicInteger();
        Map<Integer, String> answers = Map.of(0, "93.184.216.34", 1, "127.0.0.1");
        OutboundAddressGuard rebinding = new OutboundAddressGuard(
                new AddressPolicy(List.of()),
                host -> addresses(answers.get(Math.min(lookups.getAndIncrement(), 1))),
                false);

        OutboundAddressGuard.Target registered = rebinding.check("https://rebind.example/hook");
        assertThat(registered.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(registered.host()).isEqualTo("rebind.example");
        assertThatThrownBy(() -> rebinding.check("https://rebind.example/hook"))
                .isInstanceOf(RefusedAddressException.class);
    }

    @Test
    void anUnresolvableHostIsRefused() {
        OutboundAddressGuard noDns = new OutboundAddressGuard(
                new AddressPolicy(List.of()),
                host -> {
                    throw new UnknownHostException(host);
                },
                false);
        assertThatThrownBy(() -> noDns.check("https://nowhere.example/")).hasMessageContaining("does not resolve");
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] result = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            result[i] = InetAddress.getByName(literals[i]);
        }
        return result;
    }
}
