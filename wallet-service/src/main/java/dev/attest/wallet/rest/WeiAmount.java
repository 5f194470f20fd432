package dev.attest.wallet.rest;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An amount in an asset's smallest unit (wei for the native asset) as a positive integer string, at most
 * 2^256 − 1 (an EVM word; no transfer can be larger). Null is valid: in the spending policy it means "no
 * limit". The one rule for amounts, wherever they are sent: the policy's (native and token) and a transfer's
 * ({@link Validator#isAmount}).
 */
@Documented
@Constraint(validatedBy = WeiAmount.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface WeiAmount {
    /** 2^256 − 1. */
    BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    /** The digits of such an amount (2^256 − 1 has 78); also stated in the OpenAPI document. */
    String PATTERN = "^[1-9][0-9]{0,77}$";

    /** What the OpenAPI document says of such a field of the native policy. */
    String DESCRIPTION = "Native asset, smallest unit (wei): a positive integer string of at most 2^256 - 1;"
            + " absent or null for no limit";

    /** What the OpenAPI document says of such a field of a token's policy. */
    String TOKEN_DESCRIPTION = "The token's smallest unit (one token is 10^decimals of them): a positive integer"
            + " string of at most 2^256 - 1; absent or null for no limit";

    String message() default
            "must be a positive integer string (smallest unit, e.g. wei) of at most 2^256 - 1,"
                    + " or null for no limit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WeiAmount, String> {
        // The length bound keeps the number small before it is parsed.
        private static final Pattern DIGITS = Pattern.compile(PATTERN);

        /** Whether {@code value} is such an amount (null is not). */
        public static boolean isAmount(String value) {
            return value != null && DIGITS.matcher(value).matches() && new BigInteger(value).compareTo(MAX) <= 0;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isAmount(value);
        }
    }
}
