package dev.attest.wallet.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvmAddressesTest {

    // EIP-55's own test vectors.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
                "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
                "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"
            })
    void checksummedAndSingleCaseAddressesAreValid(String address) {
        assertThat(EvmAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", // one letter's case wrong: a typo
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA",
                "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                ""
            })
    void malformedOrMistypedAddressesAreNot(String address) {
        assertThat(EvmAddresses.isValid(address)).isFalse();
    }
}
