//! Why a goroutine is parked: gc's `waitReason` (`runtime/runtime2.go`),
//! the words a deadlock report prints in `goroutine N [<reason>]:`.
//!
//! Invariants: each string is gc's `waitReasonStrings` entry word for word
//! (the deadlock test compares whole reports with the reference go); only
//! the reasons this runtime parks for are listed, and more are added as
//! the runtime learns to park for them (sync, timers, I/O).

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum WaitReason {
    Zero,
    Sleep,
    ChanReceiveNilChan,
    ChanSendNilChan,
    SelectNoCases,
    Select,
    ChanReceive,
    ChanSend,
    SyncCondWait,
    SyncMutexLock,
    SyncRWMutexRLock,
    SyncRWMutexLock,
    SyncWaitGroupWait,
    Semacquire,
}

impl WaitReason {
    /// gc's `waitReason.String()`.
    pub fn as_str(self) -> &'static str {
        match self {
            WaitReason::Zero => "",
            WaitReason::Sleep => "sleep",
            WaitReason::ChanReceiveNilChan => "chan receive (nil chan)",
            WaitReason::ChanSendNilChan => "chan send (nil chan)",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Select => "select",
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSend => "chan send",
            WaitReason::SyncCondWait => "sync.Cond.Wait",
            WaitReason::SyncMutexLock => "sync.Mutex.Lock",
            WaitReason::SyncRWMutexRLock => "sync.RWMutex.RLock",
            WaitReason::SyncRWMutexLock => "sync.RWMutex.Lock",
            WaitReason::SyncWaitGroupWait => "sync.WaitGroup.Wait",
            WaitReason::Semacquire => "semacquire",
        }
    }
}
