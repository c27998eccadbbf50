package dev.fairlead.goals.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount by weights so the parts add up to the amount exactly at the given scale
 * (2: to the cent; 0: whole counts), by the largest-remainder method: every part gets the floor of
 * its exact share, and the units left over go one each to the parts with the largest fractions
 * (ties: the larger weight, then the earlier part). With every weight zero the split is equal.
 */
public final class Allocation {

    private static final MathContext EXACT_ENOUGH = new MathContext(40, RoundingMode.HALF_EVEN);

    private Allocation() {}

    public static List<BigDecimal> largestRemainder(BigDecimal total, List<BigDecimal> weights, int scale) {
        if (total.signum() < 0) {
            throw new IllegalArgumentException("Cannot split a negative amount: " + total);
        }
        if (weights.isEmpty()) {
            return List.of();
        }
        if (weights.stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("Weights are never negative: " + weights);
        }
        List<BigDecimal> w = weights.stream().allMatch(x -> x.signum() == 0)
                ? weights.stream().map(x -> BigDecimal.ONE).toList()
                : weights;
        BigDecimal sum = w.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigInteger units = total.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
        List<BigInteger> floors = new ArrayList<>();
        List<BigDecimal> fractions = new ArrayList<>();
        for (BigDecimal weight : w) {
            BigDecimal exact = new BigDecimal(units).multiply(weight).divide(sum, EXACT_ENOUGH);
            BigInteger floor = exact.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
            floors.add(floor);
            fractions.add(exact.subtract(new BigDecimal(floor)));
        }
        BigInteger left = units.subtract(floors.stream().reduce(BigInteger.ZERO, BigInteger::add));
        List<Integer> order = IntStream.range(0, w.size()).boxed()
                .sorted(Comparator.<Integer, BigDecimal>comparing(fractions::get).reversed()
                        .thenComparing(Comparator.<Integer, BigDecimal>comparing(w::get).reversed())
                        .thenComparing(i -> i))
                .toList();
        for (int k = 0; left.signum() > 0; k = (k + 1) % order.size()) {
            int i = order.get(k);
            floors.set(i, floors.get(i).add(BigInteger.ONE));
            left = left.subtract(BigInteger.ONE);
        }
        return floors.stream().map(u -> new BigDecimal(u, scale)).toList();
    }
}
