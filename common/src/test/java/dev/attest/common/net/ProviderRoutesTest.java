package dev.attest.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProviderRoutesTest {
    @Test
    void aPathsValueFillsItsTemplateWithEncodedValuesInOrder() {
        ProviderPath path = ProviderPath.of("/wallets/{walletId}/transfers/{transferId}", "wa-1", "a b/c");

        assertThat(path.template()).isEqualTo("/wallets/{walletId}/transfers/{transferId}");
        assertThat(path.value()).isEqualTo("/wallets/wa-1/transfers/a+b%2Fc");
        assertThat(path.withQuery("limit=1").value()).isEqualTo("/wallets/wa-1/transfers/a+b%2Fc?limit=1");
        assertThat(path.withQuery("limit=1").template()).isEqualTo(path.template());
        assertThrows(IllegalArgumentException.class, () -> ProviderPath.of("/wallets/{id}"));
        assertThrows(IllegalArgumentException.class, () -> ProviderPath.of("/wallets", "extra"));
    }

    @Test
    void aRawUriIsShownAsTheLongestTemplateItsPathEndsWith() {
        ProviderRoutes routes = new ProviderRoutes();
        routes.register("dfns", "/wallets");
        routes.register("dfns", "/wallets/{id}");
        routes.register("dfns", "/wallets/{id}/transfers");
        routes.register("dfns", "/wallets/{id}/transfers/{transferId}");

        assertThat(routes.templateOf("dfns", "/dfns/wallets?limit=10&paginationToken=secret"))
                .isEqualTo("/wallets");
        assertThat(routes.templateOf("dfns", "/dfns/wallets/wa-123")).isEqualTo("/wallets/{id}");
        assertThat(routes.templateOf("dfns", "/wallets/wa-123/transfers/xfr-9"))
                .isEqualTo("/wallets/{id}/transfers/{transferId}");
        assertThat(routes.templateOf("dfns", "/wallets/wa-123/transfers?limit=1"))
                .isEqualTo("/wallets/{id}/transfers");
        assertThat(routes.templateOf("dfns", "/auth/action")).isEqualTo(ProviderRoutes.UNKNOWN);
        assertThat(routes.templateOf("persona", "/wallets")).isEqualTo(ProviderRoutes.UNKNOWN);
        assertThat(routes.isProvider("dfns")).isTrue();
        assertThat(routes.isProvider("<default>")).isFalse();
    }
}
