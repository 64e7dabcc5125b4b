package nl.ruimteschets.model;

/** A candidate either grows a cluster at its edge or is a satellite location elsewhere. */
public enum CandidateKind { EXPANSION, SATELLITE }
