package dev.attest.identity.client;

import java.util.List;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/** Reads a revert reason from what a node answers: the {@code Error(string)} payload, else its message. */
final class RevertReasons {
    private static final String ERROR_SELECTOR = "0x08c379a0";

    private RevertReasons() {}

    static String from(String errorData, String message) {
        if (errorData != null) {
            errorData = errorData.replace("\"", ""); // some nodes (anvil) answer the data as a JSON string
        }
        if (errorData != null && errorData.startsWith(ERROR_SELECTOR)) {
            @SuppressWarnings({"rawtypes", "unchecked"})
            List<Type> decoded =
                    FunctionReturnDecoder.decode("0x" + errorData.substring(ERROR_SELECTOR.length()), (List)
                            List.of(new TypeReference<Utf8String>() {}));
            if (!decoded.isEmpty()) {
                return decoded.get(0).getValue().toString();
            }
        }
        if (message == null) {
            return "reverted";
        }
        // anvil and geth: "execution reverted: <reason>"; ganache: "... revert <reason>"
        for (String prefix : new String[] {"execution reverted: ", "revert "}) {
            int at = message.indexOf(prefix);
            if (at >= 0) {
                return message.substring(at + prefix.length());
            }
        }
        return message;
    }
}
