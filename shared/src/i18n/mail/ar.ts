import type { MailCatalog } from './types.ts'

export const ar: MailCatalog = {
  dir: 'rtl',
  signInCode: {
    subject: 'رمز تسجيل الدخول إلى {store}',
    intro: 'استخدم هذا الرمز لتسجيل الدخول إلى {store}:',
    expiry: 'تنتهي صلاحيته خلال {minutes} دقائق ولا يُستخدم إلا مرة واحدة.',
    ignore: 'إذا لم تطلب هذا الرمز، فتجاهل هذه الرسالة: لا يمكن لأحد تسجيل الدخول بدونه.',
    warning: 'لا تشارك هذا الرمز مع أحد. لن يطلبه منك {store} أبدًا.',
    sms: '{code} هو رمز تسجيل الدخول إلى {store}. تنتهي صلاحيته خلال {minutes} دقائق. لا تشاركه مع أحد.',
  },
  requestAck: {
    subject: '{store}: تلقّينا طلبك {reference}',
    return: 'تلقّينا طلب الإرجاع {reference} الخاص بالطلب {order}.',
    cancel: 'تلقّينا طلبك {reference} لإلغاء الطلب {order}.',
    address_change: 'تلقّينا طلبك {reference} لتغيير عنوان التوصيل للطلب {order}.',
    issue: 'تلقّينا بلاغك {reference} بشأن الطلب {order}.',
    contact: 'تلقّينا رسالتك {reference}.',
    contactOrder: 'تلقّينا رسالتك {reference} بشأن الطلب {order}.',
    review: 'سيراجعه فريق {store} ويعود إليك.',
    reply: 'سيقرأ فريق {store} رسالتك ويردّ عليك.',
    keep: 'إذا راسلتنا بشأنه، فاذكر المرجع {reference}.',
    sms: '{store}: تلقّينا طلبك {reference} بشأن الطلب {order}. سيراجعه الفريق ويعود إليك.',
    smsContact: '{store}: تلقّينا رسالتك {reference}. سيردّ عليك الفريق.',
  },
}
