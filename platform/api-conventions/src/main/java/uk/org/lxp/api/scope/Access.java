package uk.org.lxp.api.scope;

public enum Access { READ, WRITE }
