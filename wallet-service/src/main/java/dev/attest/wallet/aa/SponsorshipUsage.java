package dev.attest.wallet.aa;

import java.util.List;

/**
 * What a project's paymaster has paid and holds reserved in one UTC month (wei, integer strings): {@code spent} by
 * settled operations, {@code reserved} at the most of those approved and not settled, {@code remaining} of the
 * budget (null without one, never below 0), per day and per user (the 20 who used the most).
 */
public record SponsorshipUsage(
        String month,
        String spent,
        String reserved,
        String remaining,
        long operations,
        List<Day> byDay,
        List<User> byUser) {
    public record Day(String day, String spent, long operations) {}

    public record User(String userId, String spent, long operations) {}
}
