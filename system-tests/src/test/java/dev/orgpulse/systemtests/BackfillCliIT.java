package dev.orgpulse.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code deploy/local/backfill} as an operator runs it, against the packaged ingest service: it starts a backfill
 * and shows its progress; Ctrl-C (SIGINT) stops the watching only, says how to watch or cancel, and the backfill
 * keeps running in the service. The organisation's repository list answers slowly, so the backfill is still
 * running when the signal comes.
 */
@ExtendWith(SharedStack.class)
class BackfillCliIT {

    private static final String ORG = "slow-corp";
    private static final Pattern STARTED = Pattern.compile("Backfill (\\S+) of " + ORG + " since 7d started\\.");

    private static SystemStack stack;

    @BeforeAll
    static void useTheSharedStack(SystemStack shared) {
        stack = shared;
    }

    @Test
    void ctrlCStopsWatchingAndLeavesTheBackfillRunning() throws Exception {
        stack.github().server().stubFor(get(urlPathEqualTo("/orgs/" + ORG + "/repos"))
                .willReturn(okJson("[]").withFixedDelay(20_000)));
        Process cli = backfillCli("--org", ORG, "--since", "7d");
        BufferedReader output = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        Matcher started = STARTED.matcher(output.readLine());
        assertTrue(started.matches(), "first line: " + started);
        String id = started.group(1);
        // the progress bar is drawn once the first status is read
        assertEquals('[', awaitProgressBar(output));

        new ProcessBuilder("kill", "-INT", String.valueOf(cli.pid())).start().waitFor();
        assertTrue(cli.waitFor(10, TimeUnit.SECONDS), "the CLI ends on Ctrl-C");
        String rest = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(130, cli.exitValue(), rest);
        assertTrue(rest.contains("Stopped watching; backfill " + id + " keeps running in the ingest service."), rest);
        assertTrue(rest.contains("deploy/local/backfill --watch " + id), rest);
        assertTrue(rest.contains("curl -X DELETE"), rest);
        stack.ingestAdmin().get("/admin/backfills/" + id).then().statusCode(200).body("state", equalTo("running"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> stack.ingestAdmin()
                .get("/admin/backfills/" + id).then().statusCode(200).body("state", equalTo("done")));
    }

    private static Process backfillCli(String... arguments) throws IOException {
        Path repository = Path.of(System.getProperty("orgpulse.repository.dir", ".."));
        // the build may run with SIGINT ignored (a background job), and a shell cannot trap a signal ignored when it
        // starts: perl restores its default before it runs the CLI, as a terminal would have it
        String[] command = new String[arguments.length + 5];
        command[0] = "perl";
        command[1] = "-e";
        command[2] = "$SIG{INT} = 'DEFAULT'; exec @ARGV or die";
        command[3] = "--";
        command[4] = repository.resolve("deploy/local/backfill").toString();
        System.arraycopy(arguments, 0, command, 5, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ORGPULSE_ADMIN_KEY", SystemStack.ADMIN_KEY);
        builder.environment().put("ORGPULSE_INGEST_URL", stack.ingest().baseUri());
        return builder.start();
    }

    /** Reads until the progress line starts; it ends with a carriage return, never a newline, so read characters. */
    private static char awaitProgressBar(BufferedReader output) throws IOException {
        int next;
        while ((next = output.read()) != -1) {
            if (next == '[') {
                return '[';
            }
        }
        throw new IllegalStateException("the CLI ended before it drew a progress bar");
    }
}
