package dev.orgpulse.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The images profile builds the images the manifests run: orgpulse/&lt;name&gt;:&lt;project version&gt;. */
class ImagesProfileTest {

    @ParameterizedTest
    @EnumSource(ServiceCode.class)
    void eachServiceBuildsTheImageTheManifestsRun(ServiceCode service) throws IOException {
        String parent = Files.readString(Repository.path("pom.xml"));
        assertTrue(parent.contains("<quarkus.container-image.group>orgpulse</quarkus.container-image.group>"));
        assertTrue(parent.contains("<quarkus.container-image.tag>${project.version}</quarkus.container-image.tag>"));
        String pom = Files.readString(Repository.path(service.module).resolve("pom.xml"));
        assertTrue(pom.contains("<quarkus.container-image.name>" + service.name + "</quarkus.container-image.name>"),
                service.module + "/pom.xml does not name its image " + service.image());
        assertTrue(pom.contains("<artifactId>quarkus-container-image-jib</artifactId>"), service.module);
    }
}
