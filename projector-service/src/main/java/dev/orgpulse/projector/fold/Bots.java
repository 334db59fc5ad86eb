package dev.orgpulse.projector.fold;

/** GitHub marks apps with a {@code [bot]} login suffix and users of {@code type: Bot}. */
final class Bots {

    private Bots() {
    }

    static boolean isBotLogin(String login) {
        return login != null && login.endsWith("[bot]");
    }

    static boolean isBot(String login, String type) {
        return isBotLogin(login) || "Bot".equals(type);
    }
}
