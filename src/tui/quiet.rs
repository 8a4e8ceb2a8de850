//! A backend wrapper that writes nothing when nothing changed. ratatui's `Terminal::draw`
//! hides the cursor on every frame and the crossterm backend ends every `draw` with four
//! style resets, even for an empty diff: 25 bytes per redraw with nothing to show, 6 more on
//! every frame that shows something. An idle wall screen redraws once a second for its clock,
//! and every wall screen on a slow SSH link or a serial console pays for those bytes, so this
//! drops them: an empty diff writes nothing, and hiding a hidden cursor writes nothing.
//!
//! What reaches the terminal is otherwise exactly what the inner backend writes.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// Wraps a backend; see the module docs.
#[derive(Debug)]
pub struct QuietBackend<B> {
    inner: B,
    /// Whether the cursor is known to be hidden (`false` also when unknown).
    cursor_hidden: bool,
}

impl<B> QuietBackend<B> {
    pub fn new(inner: B) -> QuietBackend<B> {
        QuietBackend {
            inner,
            cursor_hidden: false,
        }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }

    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }
}

impl<B: Backend> Backend for QuietBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut content = content.peekable();
        if content.peek().is_none() {
            return Ok(());
        }
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        if self.cursor_hidden {
            return Ok(());
        }
        self.inner.hide_cursor()?;
        self.cursor_hidden = true;
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;
    use std::time::Instant;

    use ratatui::backend::CrosstermBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    use super::*;
    use crate::app::Action;
    use crate::testing::{at, loaded_app};

    /// Counts the bytes written through any of its clones.
    #[derive(Clone, Default)]
    struct Counter(Rc<std::cell::Cell<usize>>);

    impl std::io::Write for Counter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.set(self.0.get() + buf.len());
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn terminal<B: Backend>(backend: B) -> Terminal<B> {
        Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, 240, 67)),
            },
        )
        .expect("a fixed viewport needs no terminal")
    }

    /// Bytes each draw wrote, one draw per tick; and the last screen drawn.
    fn bytes_per_frame<B: Backend>(
        terminal: &mut Terminal<B>,
        written: &Counter,
        app: &mut crate::app::App,
        ticks: &[&str],
    ) -> (Vec<usize>, Buffer) {
        let mut counts = Vec::new();
        let mut screen = Buffer::default();
        for now in ticks {
            app.update(Action::Tick {
                now: at(now),
                at: Instant::now(),
            });
            let before = written.0.get();
            screen = terminal
                .draw(|frame| crate::ui::render(app, frame))
                .expect("draw into memory")
                .buffer
                .clone();
            counts.push(written.0.get() - before);
        }
        (counts, screen)
    }

    #[test]
    fn an_unchanged_frame_writes_nothing_and_a_clock_tick_a_few_bytes() {
        // 10:00:00 (first frame, whole screen), again 10:00:00, then the clock's last digit.
        let ticks = [
            "2026-11-29T10:00:00+08:00",
            "2026-11-29T10:00:00+08:00",
            "2026-11-29T10:00:01+08:00",
        ];
        let (quiet_out, plain_out) = (Counter::default(), Counter::default());
        let mut quiet = terminal(QuietBackend::new(CrosstermBackend::new(quiet_out.clone())));
        let (quiet_counts, quiet_screen) =
            bytes_per_frame(&mut quiet, &quiet_out, &mut loaded_app(true), &ticks);
        let mut plain = terminal(CrosstermBackend::new(plain_out.clone()));
        let (plain_counts, plain_screen) =
            bytes_per_frame(&mut plain, &plain_out, &mut loaded_app(true), &ticks);
        // The first frame is the same whole screen.
        assert_eq!(quiet_counts[0], plain_counts[0]);
        assert_eq!(plain_counts[1], 25, "ratatui's own no-op frame");
        assert_eq!(quiet_counts[1], 0);
        assert_eq!(quiet_counts[2] + 6, plain_counts[2]);
        assert!(quiet_counts[2] <= 40, "{quiet_counts:?}");
        // The screens are the same.
        assert_eq!(quiet_screen, plain_screen);
        assert_ne!(quiet_screen, Buffer::default());
    }
}
