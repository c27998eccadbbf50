package dev.fairlead.goals.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splitting a parent's target among its children. Locked children (adjusted by hand) keep their
 * value; the rest of the parent is spread over the others by weight, to the cent (or whole count)
 * with {@link Allocation#largestRemainder}. When the locked children alone exceed the parent, the
 * others get zero and the result shows the gap instead of bending the locked values.
 */
public final class Decomposition {

    /** A child to receive a share: its key, its weight, and its value when locked (else null). */
    public record Child(String key, BigDecimal weight, BigDecimal locked) {

        public static Child weighted(String key, BigDecimal weight) {
            return new Child(key, weight, null);
        }

        public static Child locked(String key, BigDecimal value) {
            return new Child(key, BigDecimal.ZERO, value);
        }
    }

    public record Share(String key, BigDecimal value, boolean locked) {}

    /**
     * @param gap parent minus the sum of the children: zero when they add up
     * @param equalFallback true when no unlocked child had a weight, so the rest was split equally
     */
    public record Result(List<Share> shares, BigDecimal lockedTotal, BigDecimal spread, BigDecimal gap, boolean equalFallback) {

        public BigDecimal total() {
            return shares.stream().map(Share::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private Decomposition() {}

    public static Result split(BigDecimal parent, List<Child> children, int scale) {
        BigDecimal lockedTotal = children.stream().filter(c -> c.locked() != null).map(Child::locked)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(scale, java.math.RoundingMode.HALF_UP);
        List<Child> open = children.stream().filter(c -> c.locked() == null).toList();
        BigDecimal rest = parent.setScale(scale, java.math.RoundingMode.HALF_UP).subtract(lockedTotal);
        BigDecimal spread = rest.signum() > 0 && !open.isEmpty() ? rest : BigDecimal.ZERO.setScale(scale);
        List<BigDecimal> values = Allocation.largestRemainder(spread, open.stream().map(Child::weight).toList(), scale);
        boolean fallback = !open.isEmpty() && open.stream().allMatch(c -> c.weight().signum() == 0);
        List<Share> shares = new ArrayList<>();
        int next = 0;
        for (Child child : children) {
            shares.add(child.locked() != null
                    ? new Share(child.key(), child.locked().setScale(scale, java.math.RoundingMode.HALF_UP), true)
                    : new Share(child.key(), values.get(next++), false));
        }
        BigDecimal total = shares.stream().map(Share::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Result(shares, lockedTotal, spread, parent.setScale(scale, java.math.RoundingMode.HALF_UP).subtract(total),
                fallback);
    }

    /** Parent minus the sum of the children, for showing whether they add up. */
    public static BigDecimal gap(BigDecimal parent, List<BigDecimal> children) {
        return parent.subtract(children.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
