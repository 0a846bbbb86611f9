"""The base of every editing dialog: validation shown next to the field, nothing saved until
valid, and no edit lost silently (closing with changes asks first)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kobankyo_desktop.core.errors import DomainError, ValidationError
from kobankyo_desktop.ui.context import AppContext, show_domain_error
from kobankyo_desktop.ui.widgets import DateField, TimeField

T = TypeVar("T")

ERROR_STYLE = "color: #b00020;"
FIELD_ERROR_STYLE = "border: 1px solid #b00020;"


class FormDialog(QDialog):
    """A dialog with a body, an error line and 保存/キャンセル buttons.

    Subclasses put their form in ``self.body``, register inputs with :meth:`watch` (so changes
    mark the dialog dirty) and :meth:`bind_field` (so a :class:`ValidationError` on that field
    points at the widget), and implement :meth:`save`, which calls a service through
    ``self.context.try_write`` and returns the result.
    """

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.result_value: Any = None
        self._dirty = False
        self._fields: dict[str, QWidget] = {}
        self.body = QWidget()
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # Dirty tracking -----------------------------------------------------------------------
    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            signal: Any
            if isinstance(widget, QLineEdit):
                signal = widget.textEdited
            elif isinstance(widget, QPlainTextEdit):
                signal = widget.textChanged
            elif isinstance(widget, QComboBox):
                signal = widget.currentIndexChanged
            elif isinstance(widget, QSpinBox):
                signal = widget.valueChanged
            elif isinstance(widget, QAbstractButton):
                signal = widget.toggled
            elif isinstance(widget, (DateField, TimeField)):
                signal = widget.changed
            else:
                raise TypeError(f"cannot watch {type(widget).__name__}")
            signal.connect(self.mark_dirty)

    def mark_dirty(self) -> None:
        self._dirty = True

    def mark_clean(self) -> None:
        self._dirty = False

    @property
    def dirty(self) -> bool:
        return self._dirty

    # Errors --------------------------------------------------------------------------------
    def bind_field(self, field: str, widget: QWidget) -> None:
        self._fields[field] = widget

    def show_error(self, exc: ValidationError) -> None:
        for widget in self._fields.values():
            widget.setStyleSheet("")
        self.error_label.setText(exc.message)
        self.error_label.show()
        widget = self._fields.get(exc.field)
        if widget is not None:
            widget.setStyleSheet(FIELD_ERROR_STYLE)
            widget.setFocus()

    # Saving --------------------------------------------------------------------------------
    def save(self) -> Any:
        raise NotImplementedError

    def _on_save(self) -> None:
        try:
            self.result_value = self.save()
        except ValidationError as exc:
            self.show_error(exc)
            return
        except DomainError as exc:
            show_domain_error(self, exc)
            return
        self._dirty = False
        self.accept()

    def reject(self) -> None:
        if self._dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("You have unsaved changes. Close without saving them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def run_dialog(dialog: FormDialog, callback: Callable[[Any], None] | None = None) -> Any:
    """Show a dialog modally; return what its :meth:`FormDialog.save` returned, or None."""
    if dialog.exec() == QDialog.DialogCode.Accepted:
        if callback is not None:
            callback(dialog.result_value)
        return dialog.result_value
    return None
