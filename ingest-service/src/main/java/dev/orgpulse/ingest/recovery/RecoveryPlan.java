package dev.orgpulse.ingest.recovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one recovery run asks of GitHub, from the hook's recent attempts and the delivery ids on the log: each event
 * (GUID) is redelivered once, by its latest attempt, when the log does not have it, whether GitHub saw that attempt
 * fail (a 503 while the broker was away, a timeout, a deploy) or not. An event on the log is left alone even if
 * GitHub counts an attempt as failed (it may have timed out waiting for a 202 that came late).
 *
 * @param checked the events (GUIDs) looked at
 * @param failed the events none of whose attempts GitHub saw succeed
 * @param alreadyInLog the failed events the log has anyway
 * @param redeliver the attempt ids to redeliver, one per event missing from the log
 */
record RecoveryPlan(int checked, int failed, int alreadyInLog, List<HookDelivery> redeliver) {

    static RecoveryPlan of(Collection<HookDelivery> attempts, Set<String> inLog) {
        Map<String, List<HookDelivery>> byGuid = new LinkedHashMap<>();
        attempts.forEach(attempt -> byGuid.computeIfAbsent(attempt.guid(), guid -> new ArrayList<>()).add(attempt));
        int failed = 0;
        int alreadyInLog = 0;
        List<HookDelivery> redeliver = new ArrayList<>();
        for (Map.Entry<String, List<HookDelivery>> event : byGuid.entrySet()) {
            boolean succeeded = event.getValue().stream().anyMatch(HookDelivery::succeeded);
            boolean logged = inLog.contains(event.getKey());
            if (!succeeded) {
                failed++;
                if (logged) {
                    alreadyInLog++;
                }
            }
            if (!logged) {
                redeliver.add(event.getValue().stream().max(Comparator.comparing(HookDelivery::deliveredAt)
                        .thenComparing(HookDelivery::id)).orElseThrow());
            }
        }
        return new RecoveryPlan(byGuid.size(), failed, alreadyInLog, List.copyOf(redeliver));
    }
}
