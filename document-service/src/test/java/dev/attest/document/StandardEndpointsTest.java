package dev.attest.document;

import dev.attest.document.support.DocumentTestResources;
import dev.attest.testing.StandardEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DocumentTestResources
class StandardEndpointsTest extends StandardEndpointsContract {}
