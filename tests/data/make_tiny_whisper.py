"""Makes tests/data/tiny-whisper: a randomly initialised Whisper in CTranslate2 format, under 1 MB.

Why: the tests run the real faster-whisper path (load, decode, VAD, limits, concurrency) but no
Whisper weights can be downloaded in CI. Random weights produce random words, so tests built on this
model check the pipeline, never what was said.

Re-run (needs torch and transformers, which KAVI itself does not):
    python -m venv /tmp/mk && /tmp/mk/bin/pip install torch transformers ctranslate2
    /tmp/mk/bin/python tests/data/make_tiny_whisper.py
The output is deterministic for given library versions (seeded), and committed so tests need no torch.
"""

import json
import shutil
import tempfile
from pathlib import Path

import torch
from ctranslate2.converters import TransformersConverter
from tokenizers import Tokenizer, decoders, models, pre_tokenizers
from transformers import GenerationConfig, WhisperConfig, WhisperForConditionalGeneration, WhisperTokenizerFast

OUT = Path(__file__).parent / "tiny-whisper"

# Whisper's special tokens, in Whisper's order: faster-whisper finds timestamps as <|notimestamps|> + 1.
LANGUAGES = ("en", "sw")
SPECIALS = (
    ["<|endoftext|>", "<|startoftranscript|>"]
    + [f"<|{code}|>" for code in LANGUAGES]
    + ["<|translate|>", "<|transcribe|>", "<|startoflm|>", "<|startofprev|>", "<|nospeech|>", "<|notimestamps|>"]
    + [f"<|{i * 0.02:.2f}|>" for i in range(1501)]
)


def tokenizer(workdir: Path) -> WhisperTokenizerFast:
    """Byte-level BPE with no merges: one token per byte, so any text round-trips."""
    alphabet = pre_tokenizers.ByteLevel.alphabet()
    vocab = {symbol: i for i, symbol in enumerate(sorted(alphabet))}
    inner = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    inner.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    inner.decoder = decoders.ByteLevel()
    inner.add_special_tokens(SPECIALS)
    wrapped = WhisperTokenizerFast(
        tokenizer_object=inner,
        bos_token="<|endoftext|>",
        eos_token="<|endoftext|>",
        unk_token="<|endoftext|>",
        pad_token="<|endoftext|>",
    )
    wrapped.save_pretrained(workdir)
    return wrapped


def model(workdir: Path, vocab_size: int, specials: dict[str, int]) -> None:
    torch.manual_seed(0)
    config = WhisperConfig(
        vocab_size=vocab_size,
        num_mel_bins=80,
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_source_positions=1500,
        max_target_positions=448,
        decoder_start_token_id=specials["<|startoftranscript|>"],
        bos_token_id=specials["<|endoftext|>"],
        eos_token_id=specials["<|endoftext|>"],
        pad_token_id=specials["<|endoftext|>"],
        suppress_tokens=[],
        begin_suppress_tokens=[specials["<|endoftext|>"]],
    )
    WhisperForConditionalGeneration(config).save_pretrained(workdir)
    generation = GenerationConfig(
        decoder_start_token_id=specials["<|startoftranscript|>"],
        eos_token_id=specials["<|endoftext|>"],
        alignment_heads=[[0, 0], [0, 1]],
        lang_to_id={f"<|{code}|>": specials[f"<|{code}|>"] for code in LANGUAGES},
        is_multilingual=True,
        suppress_tokens=[],
        begin_suppress_tokens=[specials["<|endoftext|>"]],
        no_timestamps_token_id=specials["<|notimestamps|>"],
    )
    generation.save_pretrained(workdir)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        tok = tokenizer(work)
        specials = {token: tok.convert_tokens_to_ids(token) for token in SPECIALS[:12]}
        model(work, len(tok), specials)
        if OUT.exists():
            shutil.rmtree(OUT)
        TransformersConverter(str(work), copy_files=["tokenizer.json"]).convert(
            str(OUT), quantization="int8", force=True
        )
    (OUT / "preprocessor_config.json").write_text(json.dumps({"feature_size": 80, "sampling_rate": 16000}) + "\n")
    size = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"wrote {OUT} ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
