"""Channel adapters: platform messages in, platform calls out. Nothing below them sees a platform type."""
