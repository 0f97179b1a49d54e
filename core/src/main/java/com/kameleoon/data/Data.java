package com.kameleoon.data;

/**
 * A piece of visitor data handed to {@code KameleoonClient.addData}. The set of types is closed: each
 * has its own storage rule (one per index, one per URL, single, or appended) described on the type.
 */
public sealed interface Data
        permits CustomData, Browser, Device, OperatingSystem, UserAgent, PageView, Conversion, Geolocation,
        Cookie, ApplicationVersion, UniqueIdentifier {
}
