"""Recording → speaker-attributed transcript: decode, diarize, recognise, attribute, assign roles.

Stereo calls are recognised one channel at a time, each over its own party's speech only (the
rest of the channel is silenced, so crosstalk is neither transcribed twice nor attributed to the
wrong party). Mono calls are recognised once and every word takes the speaker whose turns
overlap it most.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

import callnotes
from callnotes.config import Settings, get_settings
from models.transcript import RunInfo, SpeakerTurn, Transcript, Utterance, Word
from pipeline import asr
from pipeline.audio import SAMPLE_RATE, DecodedAudio, load_audio
from pipeline.diarization import Backend, Diarization, choose_backend, diarize
from pipeline.diarization.channel import channel_speaker
from pipeline.progress import ProgressCallback, report
from pipeline.roles import apply_roles, assign_by_channel, assign_by_words, speaker_cues

# Whisper writes these languages without spaces between words.
_UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "yue", "bo"})
_UTTERANCE_PAUSE = 1.0  # a longer silence inside one speaker's words starts a new utterance
_EXCHANGE_GAP = 0.15  # the other party's words in a gap this long mean they took the turn
_TURN_PADDING = 0.2  # keep word edges that VAD clipped when silencing the other party's time
# A channel silenced outside its party's turns is mostly zeros: cut it into short chunks so
# Whisper is not fed seconds of silence between turns (it then misplaces word times and
# hallucinates). faster-whisper's own defaults (2 s silence, 400 ms padding) suit a monologue.
_CHANNEL_VAD = {"min_silence_duration_ms": 500, "speech_pad_ms": 200}
_NEAREST_TURN = 1.0  # a word outside every turn joins the nearest turn this close


@dataclass(frozen=True)
class SpeakerWord:
    speaker: str
    channel: int | None
    word: Word


def transcribe_file(
    path: str | os.PathLike[str],
    *,
    settings: Settings | None = None,
    agent_channel: int | None = None,
    progress: ProgressCallback | None = None,
) -> Transcript:
    settings = settings or get_settings()
    report(progress, "decode", 0, 1)
    audio = load_audio(path)
    report(progress, "decode", 1, 1)
    return transcribe_audio(
        audio, settings=settings, agent_channel=agent_channel, progress=progress
    )


def transcribe_audio(
    audio: DecodedAudio,
    *,
    settings: Settings,
    agent_channel: int | None = None,
    progress: ProgressCallback | None = None,
) -> Transcript:
    backend = choose_backend(audio, settings.diarization)
    report(progress, "diarize", 0, audio.duration)
    diarization = diarize(audio, settings.diarization, backend)
    report(progress, "diarize", audio.duration, audio.duration)

    if backend == "channel":
        words, language, probability = _recognise_channels(audio, diarization, settings, progress)
    else:
        words, language, probability = _recognise_mono(audio, diarization, settings, progress)
    utterances = list(group_utterances(words, joiner="" if language in _UNSPACED_LANGUAGES else " "))

    warnings: list[str] = []
    if backend == "channel":
        channel = settings.diarization.agent_channel if agent_channel is None else agent_channel
        roles = assign_by_channel(sorted({u.speaker for u in utterances}), channel_speaker(channel))
        warnings += _channel_map_warnings(utterances, channel_speaker(channel))
    else:
        roles = assign_by_words(utterances)
    if not utterances:
        warnings.append("no speech was detected in the recording: the transcript is empty")
    return Transcript(
        source="audio",
        utterances=apply_roles(utterances, roles),
        language=language,
        language_probability=probability,
        duration=round(audio.duration, 3),
        audio=audio.info,
        roles=roles,
        run=_run_info(settings, backend, diarization),
        warnings=warnings,
    )


def _recognise_mono(
    audio: DecodedAudio,
    diarization: Diarization,
    settings: Settings,
    progress: ProgressCallback | None,
) -> tuple[list[SpeakerWord], str | None, float | None]:
    result = asr.transcribe_array(audio.mono(), settings.asr)
    words = [word for segment in _with_progress(result.segments, audio.duration, progress)
             for word in segment.words]
    return attribute_words(words, list(diarization.turns)), result.language, result.language_probability


def _recognise_channels(
    audio: DecodedAudio,
    diarization: Diarization,
    settings: Settings,
    progress: ProgressCallback | None,
) -> tuple[list[SpeakerWord], str | None, float | None]:
    words: list[SpeakerWord] = []
    language: str | None = None
    probability: float | None = None
    for channel in range(audio.num_channels):
        turns = [turn for turn in diarization.turns if turn.channel == channel]
        if not turns:
            continue
        others = [turn for turn in diarization.turns if turn.channel != channel]
        own_speech = _silence_outside(audio.channels[channel], turns, others)
        # The first channel's detected language is imposed on the second: one call, one language.
        result = asr.transcribe_array(
            own_speech, settings.asr, language=language, vad_parameters=_CHANNEL_VAD
        )
        language, probability = language or result.language, probability or result.language_probability
        speaker = channel_speaker(channel)
        segments = _with_progress(result.segments, audio.duration, progress, stage=f"transcribe channel {channel}")
        words += [SpeakerWord(speaker, channel, word) for segment in segments for word in segment.words]
    words.sort(key=lambda item: (item.word.start, item.word.end))
    return words, language, probability


def _silence_outside(
    samples: np.ndarray, turns: list[SpeakerTurn], others: list[SpeakerTurn]
) -> np.ndarray:
    """This party's turns, padded, with everything else zeroed. The padding never reaches into
    the other party's turns: there this channel carries their bleed, which Whisper would
    transcribe as this party's words."""
    keep = _time_mask(len(samples), turns, padding=_TURN_PADDING)
    keep &= _time_mask(len(samples), turns) | ~_time_mask(len(samples), others)
    return np.where(keep, samples, np.float32(0)).astype(np.float32)


def _time_mask(length: int, turns: list[SpeakerTurn], padding: float = 0.0) -> np.ndarray:
    mask = np.zeros(length, dtype=bool)
    for turn in turns:
        start = max(int((turn.start - padding) * SAMPLE_RATE), 0)
        mask[start : int((turn.end + padding) * SAMPLE_RATE)] = True
    return mask


def _with_progress(
    segments: Iterable[asr.AsrSegment],
    duration: float,
    progress: ProgressCallback | None,
    stage: str = "transcribe",
) -> Iterator[asr.AsrSegment]:
    for segment in segments:
        report(progress, stage, min(segment.end, duration), duration)
        yield segment
    report(progress, stage, duration, duration)


def attribute_words(words: list[Word], turns: list[SpeakerTurn]) -> list[SpeakerWord]:
    """Each word takes the speaker whose turns overlap it most; words in gaps between turns take
    the nearest turn, and failing that the previous word's speaker."""
    attributed: list[SpeakerWord] = []
    previous = turns[0].speaker if turns else "speaker_0"
    for word in words:
        overlap: dict[str, float] = {}
        for turn in turns:
            shared = min(word.end, turn.end) - max(word.start, turn.start)
            if shared > 0:
                overlap[turn.speaker] = overlap.get(turn.speaker, 0.0) + shared
        if overlap:
            speaker = max(overlap, key=overlap.__getitem__)
        else:
            speaker = _nearest_speaker(word, turns) or previous
        attributed.append(SpeakerWord(speaker, None, word))
        previous = speaker
    return attributed


def _nearest_speaker(word: Word, turns: list[SpeakerTurn]) -> str | None:
    def distance(turn: SpeakerTurn) -> float:
        return max(turn.start - word.end, word.start - turn.end, 0.0)

    nearest = min(turns, key=distance, default=None)
    if nearest is None or distance(nearest) > _NEAREST_TURN:
        return None
    return nearest.speaker


def group_utterances(words: list[SpeakerWord], joiner: str = " ") -> Iterator[Utterance]:
    """One speaker's consecutive words form an utterance until they pause, or until the other
    party speaks in a gap between them (a turn exchange). Double talk (the other party speaking
    while this one goes on, as stereo calls record it) does not break an utterance."""
    by_speaker: dict[str, list[SpeakerWord]] = {}
    for item in words:
        by_speaker.setdefault(item.speaker, []).append(item)
    runs: list[list[SpeakerWord]] = []
    for speaker, items in by_speaker.items():
        others = np.sort([(w.word.start + w.word.end) / 2 for w in words if w.speaker != speaker])
        run = [items[0]]
        for previous, current in zip(items, items[1:]):
            gap_start, gap_end = previous.word.end, current.word.start
            spoke_between = np.searchsorted(others, gap_end) > np.searchsorted(others, gap_start)
            if gap_end - gap_start > _UTTERANCE_PAUSE or (
                gap_end - gap_start >= _EXCHANGE_GAP and spoke_between
            ):
                runs.append(run)
                run = []
            run.append(current)
        runs.append(run)
    runs.sort(key=lambda run: (run[0].word.start, run[0].word.end))
    for number, run in enumerate(runs, start=1):
        yield _utterance(run, number, joiner)


def _utterance(run: list[SpeakerWord], number: int, joiner: str) -> Utterance:
    return Utterance(
        id=f"u{number:04d}",
        speaker=run[0].speaker,
        start=run[0].word.start,
        end=max(item.word.end for item in run),
        text=joiner.join(item.word.text for item in run),
        words=[item.word for item in run],
        channel=run[0].channel,
    )


def _channel_map_warnings(utterances: list[Utterance], agent_speaker: str) -> list[str]:
    cues = speaker_cues(utterances)
    others = [speaker for speaker in cues if speaker != agent_speaker]
    if agent_speaker in cues and others:
        if cues[others[0]].lean >= cues[agent_speaker].lean + 3:
            return [
                f"the words suggest the agent is on {others[0]}, not {agent_speaker}: "
                "check the recorder's channel map (agent_channel)"
            ]
    return []


def _run_info(settings: Settings, backend: Backend, diarization: Diarization) -> RunInfo:
    device, compute_type = asr.resolve_compute(settings.asr)
    return RunInfo(
        asr_model=settings.asr.model,
        compute_type=compute_type,
        device=device,
        language_requested=settings.asr.language,
        beam_size=settings.asr.beam_size,
        vad_filter=settings.asr.vad_filter,
        diarization_backend=backend,
        num_speakers=diarization.num_speakers,
        callnotes_version=callnotes.__version__,
    )
