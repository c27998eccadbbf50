package dev.fairlead.credit.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The maths of credit: the shares a policy gives, whether shares are a valid split (each above
 * zero, at most two decimals, no rep twice, adding up to exactly 100%), and the money each share is
 * worth, adding up to the amount exactly to the cent by the largest-remainder method (as the goals'
 * decomposition splits targets: floors first, the cents left over to the largest fractions; ties
 * to the larger share, then the earlier one).
 */
public final class CreditSplit {

    public static final BigDecimal HUNDRED = new BigDecimal("100");

    private CreditSplit() {}

    /**
     * The shares of a policy. {@code ownerPercent} is the owner's share under {@link SplitPolicy#CROSS_REGION},
     * {@code helperPercent} the helper's under {@link SplitPolicy#HELPER_FIXED}; {@code manual} is used as is.
     */
    public static List<ShareRequest> shares(SplitPolicy policy, long ownerRepId, Long helperRepId, BigDecimal ownerPercent,
            BigDecimal helperPercent, List<ShareRequest> manual) {
        return switch (policy) {
            case OWNER -> List.of(new ShareRequest(ownerRepId, HUNDRED));
            case CROSS_REGION -> helperRepId == null ? List.of() : List.of(new ShareRequest(ownerRepId, ownerPercent),
                    new ShareRequest(helperRepId, HUNDRED.subtract(ownerPercent)));
            case HELPER_FIXED -> helperRepId == null ? List.of() : List.of(new ShareRequest(ownerRepId, HUNDRED.subtract(helperPercent)),
                    new ShareRequest(helperRepId, helperPercent));
            case MANUAL -> manual == null ? List.of() : List.copyOf(manual);
        };
    }

    /** Every problem of the shares (none: they are a valid split). */
    public static List<SplitProblem> check(List<ShareRequest> shares) {
        List<SplitProblem> problems = new ArrayList<>();
        if (shares.isEmpty()) {
            problems.add(new SplitProblem("shares", "credit.shares.empty"));
            return problems;
        }
        Set<Long> reps = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            ShareRequest share = shares.get(i);
            String field = "shares[" + i + "].percent";
            if (share.percent() == null) {
                problems.add(new SplitProblem(field, "validation.required"));
                continue;
            }
            if (share.percent().signum() <= 0 || share.percent().compareTo(HUNDRED) > 0) {
                problems.add(new SplitProblem(field, "credit.share.range"));
            } else if (share.percent().stripTrailingZeros().scale() > 2) {
                problems.add(new SplitProblem(field, "credit.share.decimals"));
            }
            if (!reps.add(share.repId())) {
                problems.add(new SplitProblem("shares[" + i + "].repId", "credit.share.repTwice"));
            }
            sum = sum.add(share.percent());
        }
        if (problems.isEmpty() && sum.compareTo(HUNDRED) != 0) {
            problems.add(new SplitProblem("shares", "credit.shares.sum", sum.stripTrailingZeros().toPlainString()));
        }
        return problems;
    }

    /** The money of each share, in order; the parts add up to {@code amount} (at least zero, to the cent) exactly. */
    public static List<BigDecimal> amounts(BigDecimal amount, List<BigDecimal> percents) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("A result's amount is never negative: " + amount);
        }
        if (percents.isEmpty()) {
            return List.of();
        }
        BigInteger cents = amount.setScale(2, RoundingMode.HALF_UP).unscaledValue();
        BigDecimal sum = percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigInteger> floors = new ArrayList<>();
        List<BigDecimal> fractions = new ArrayList<>();
        for (BigDecimal percent : percents) {
            // exact: cents × percent is an integer of at most two decimals over an integer sum of hundredths
            BigDecimal exact = new BigDecimal(cents).multiply(percent).divide(sum, 20, RoundingMode.DOWN);
            BigInteger floor = exact.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
            floors.add(floor);
            fractions.add(exact.subtract(new BigDecimal(floor)));
        }
        BigInteger left = cents.subtract(floors.stream().reduce(BigInteger.ZERO, BigInteger::add));
        List<Integer> order = IntStream.range(0, percents.size()).boxed()
                .sorted(Comparator.<Integer, BigDecimal>comparing(fractions::get).reversed()
                        .thenComparing(Comparator.<Integer, BigDecimal>comparing(percents::get).reversed())
                        .thenComparing(i -> i))
                .toList();
        for (int k = 0; left.signum() > 0; k = (k + 1) % order.size()) {
            int i = order.get(k);
            floors.set(i, floors.get(i).add(BigInteger.ONE));
            left = left.subtract(BigInteger.ONE);
        }
        return floors.stream().map(c -> new BigDecimal(c, 2)).toList();
    }
}
