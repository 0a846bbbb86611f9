"""kobankyo-desktop: 交番・駐在所連絡協議会の運営支援アプリケーション."""

__version__ = "0.1.0"
