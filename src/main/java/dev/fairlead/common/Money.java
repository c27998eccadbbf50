package dev.fairlead.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of one currency, held to the cent. Amounts of different currencies never add up
 * silently: {@link #plus} refuses them, since Fairlead keeps no exchange rates.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    public static final int SCALE = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        currency = currency.trim().toUpperCase(Locale.ROOT);
        amount = amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** True for a three-letter ISO 4217 code this JVM knows (CNY, USD, EUR, HKD …). */
    public static boolean isKnownCurrency(String code) {
        if (code == null || !code.trim().matches("[A-Za-z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    /** This amount times a fraction (a probability), rounded half-up to the cent. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot compare " + other.currency + " with " + currency);
        }
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }
}
