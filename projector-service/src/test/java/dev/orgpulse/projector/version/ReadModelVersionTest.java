package dev.orgpulse.projector.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReadModelVersionTest {

    @Test
    void aVersionIsNamedAndLivesInASchemaOfItsOwn() {
        ReadModelVersion version = ReadModelVersion.named("v12");

        assertEquals(12, version.number());
        assertEquals("v12", version.name());
        assertEquals("orgpulse_v12", version.schema());
    }

    @Test
    void onlyVersionNamesAreAccepted() {
        for (String name : new String[] {"v0", "12", "v1; DROP SCHEMA public", "V2", "", null, "v01"}) {
            assertThrows(IllegalArgumentException.class, () -> ReadModelVersion.named(name), String.valueOf(name));
        }
    }
}
